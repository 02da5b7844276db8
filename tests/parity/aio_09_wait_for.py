import asyncio


async def slow(x, d):
    try:
        await asyncio.sleep(d)
    except asyncio.CancelledError:
        print("slow", x, "cancelled")
        raise
    print("slow", x, "finished")
    return x


async def main():
    r = await asyncio.wait_for(slow(1, 0.01), timeout=1)
    print("result", r)
    try:
        await asyncio.wait_for(slow(2, 1), timeout=0.02)
    except asyncio.TimeoutError as e:
        print("TimeoutError", type(e).__name__, e.args, isinstance(e, TimeoutError))
    try:
        await asyncio.wait_for(slow(3, 0.01), timeout=0)
    except TimeoutError:
        print("timeout=0 raised TimeoutError")
    r = await asyncio.wait_for(slow(4, 0.01), timeout=None)
    print("none timeout", r)
    t = asyncio.create_task(slow(5, 1))
    try:
        await asyncio.wait_for(t, 0.01)
    except TimeoutError:
        print("task timed out; cancelled:", t.cancelled(), t.done())
    # an already-completed future with timeout=0
    f = asyncio.get_running_loop().create_future()
    f.set_result("ready")
    print("done future", await asyncio.wait_for(f, 0))
    # exception inside wait_for propagates

    async def boom():
        await asyncio.sleep(0)
        raise ZeroDivisionError("zero")

    try:
        await asyncio.wait_for(boom(), 1)
    except ZeroDivisionError as e:
        print("propagated", e)
    # the inner coroutine swallowing cancellation
    async def stubborn():
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            print("stubborn swallowed")
            return "kept"
    try:
        r = await asyncio.wait_for(stubborn(), 0.01)
        print("stubborn result", r)
    except TimeoutError:
        print("stubborn TimeoutError")


asyncio.run(main())
