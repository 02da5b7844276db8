import asyncio


async def important(d):
    print("important start")
    await asyncio.sleep(d)
    print("important done")
    return "precious"


async def main():
    inner = asyncio.create_task(important(0.2))
    outer = asyncio.shield(inner)
    asyncio.get_running_loop().call_later(0.05, outer.cancel)
    try:
        await outer
    except asyncio.CancelledError:
        print("outer cancelled; inner cancelled?", inner.cancelled(), "done?", inner.done())
    print("inner result", await inner)
    # wait_for + shield: the timeout does not cancel the inner task
    t = asyncio.create_task(important(0.2))
    try:
        await asyncio.wait_for(asyncio.shield(t), 0.05)
    except TimeoutError:
        print("timed out; inner cancelled?", t.cancelled())
    print("still got", await t)
    # shielding a finished task returns its result at once
    print("done shield", await asyncio.shield(t))
    # cancelling the inner task cancels the outer one
    t2 = asyncio.create_task(important(1))
    o2 = asyncio.shield(t2)
    await asyncio.sleep(0.01)
    t2.cancel()
    try:
        await o2
    except asyncio.CancelledError:
        print("outer cancelled via inner:", o2.cancelled())
    # shield of a bare coroutine
    print(await asyncio.shield(important(0.01)))


asyncio.run(main())
