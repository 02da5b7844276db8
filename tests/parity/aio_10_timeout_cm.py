import asyncio


async def main():
    try:
        async with asyncio.timeout(0.02) as cm:
            print("inside, expired:", cm.expired())
            await asyncio.sleep(1)
            print("not reached")
    except TimeoutError:
        print("timed out, expired:", cm.expired())
    async with asyncio.timeout(1) as cm:
        await asyncio.sleep(0.01)
        print("fast enough")
    print("expired:", cm.expired())
    async with asyncio.timeout(None) as cm:
        print("when is None:", cm.when() is None)
        await asyncio.sleep(0.01)
    print("no deadline ok")
    # reschedule
    try:
        async with asyncio.timeout(None) as cm:
            cm.reschedule(asyncio.get_running_loop().time() + 0.02)
            print("rescheduled:", cm.when() is not None)
            await asyncio.sleep(1)
    except TimeoutError:
        print("rescheduled timeout fired")
    # cancellation caught inside the block is turned into TimeoutError at exit
    try:
        async with asyncio.timeout(0.01):
            try:
                await asyncio.sleep(1)
            except asyncio.CancelledError:
                print("inner saw CancelledError")
                raise
    except TimeoutError:
        print("outer saw TimeoutError")
    # timeout_at
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout_at(loop.time() + 0.01):
            await asyncio.sleep(0.5)
    except TimeoutError:
        print("timeout_at fired")
    # nested timeouts: the inner one fires first
    try:
        async with asyncio.timeout(0.5):
            try:
                async with asyncio.timeout(0.01):
                    await asyncio.sleep(1)
            except TimeoutError:
                print("inner timeout")
            await asyncio.sleep(0.01)
            print("outer body continues")
    except TimeoutError:
        print("outer timeout (wrong)")
    # an exception other than cancellation passes through
    try:
        async with asyncio.timeout(1):
            raise KeyError("k")
    except KeyError as e:
        print("KeyError passed through", e)
    print("end")


asyncio.run(main())
