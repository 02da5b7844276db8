import asyncio


async def never_started():
    print("this never prints")


async def sleeper(name, d):
    print(name, "sleeping")
    try:
        await asyncio.sleep(d)
    except asyncio.CancelledError as e:
        print(name, "got CancelledError", e.args)
        raise
    finally:
        print(name, "finally")
    return "unreachable"


async def catcher():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("catcher caught it, returning a value")
        return 42


async def busy():
    print("busy step 1")
    x = 0
    for i in range(1000):
        x += i
    print("busy step 2 (no await in between)", x)
    await asyncio.sleep(0)
    print("busy step 3 (never)")


async def main():
    t = asyncio.create_task(never_started())
    print("cancel returns", t.cancel())
    try:
        await t
    except asyncio.CancelledError:
        print("before first step: cancelled", t.cancelled())

    t = asyncio.create_task(sleeper("s1", 1))
    await asyncio.sleep(0.01)
    t.cancel()
    print("cancelled requested; done yet?", t.done())
    try:
        await t
    except asyncio.CancelledError:
        print("s1 cancelled", t.cancelled())

    t = asyncio.create_task(catcher())
    await asyncio.sleep(0)
    t.cancel()
    r = await t
    print("catcher result", r, "cancelled?", t.cancelled())

    t = asyncio.create_task(sleeper("s2", 1))
    await asyncio.sleep(0)
    t.cancel("custom message")
    try:
        await t
    except asyncio.CancelledError as e:
        print("message outside", e.args)

    t = asyncio.create_task(busy())
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("busy cancelled at its next await")

    print("cancel done task returns", t.cancel())
    try:
        t.result()
    except asyncio.CancelledError:
        print("result() raises CancelledError")
    try:
        t.exception()
    except asyncio.CancelledError:
        print("exception() raises CancelledError")
    print(issubclass(asyncio.CancelledError, BaseException), issubclass(asyncio.CancelledError, Exception))

    # cancelling twice, cancelling() count
    t = asyncio.create_task(sleeper("s3", 1))
    await asyncio.sleep(0)
    t.cancel()
    t.cancel()
    print("cancelling", t.cancelling())
    try:
        await t
    except asyncio.CancelledError:
        pass
    print("s3 cancelled", t.cancelled())

    # a done callback sees the cancellation
    t = asyncio.create_task(sleeper("s4", 1))
    t.add_done_callback(lambda f: print("callback: cancelled", f.cancelled()))
    await asyncio.sleep(0)
    t.cancel()
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("end")


asyncio.run(main())
