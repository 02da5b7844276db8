import asyncio


class MyFuture(asyncio.Future):
    pass


async def val(x, n=1):
    for _ in range(n):
        await asyncio.sleep(0)
    return x


async def fail(msg):
    await asyncio.sleep(0)
    raise KeyError(msg)


async def forever():
    await asyncio.Event().wait()


async def main():
    loop = asyncio.get_running_loop()
    print("--- empty")
    g = asyncio.gather()
    print(type(g).__name__, g.done(), await g)
    print("--- duplicates share one child")
    c = val("c")
    f = loop.create_future()
    g = asyncio.gather(c, f, c, f, val("d"))
    print(type(g).__name__, len(g._children), g._children[0] is g._children[2], g._children[1] is f)
    f.set_result("f")
    print(await g)
    print("--- nested")
    print(await asyncio.gather(asyncio.gather(val(1), val(2)), val(3), asyncio.gather()))
    print("--- order follows arguments, not completion")
    print(await asyncio.gather(val("slow", 5), val("fast", 1), val("mid", 3)))
    print("--- an exception propagates; the rest go on")
    t = asyncio.ensure_future(val("late", 4))
    try:
        await asyncio.gather(val(1), fail("k"), t)
    except KeyError as e:
        print("caught", repr(e), t.done())
    print(await t)
    print("--- return_exceptions keeps them all")
    r = await asyncio.gather(val(1), fail("k2"), val(3), return_exceptions=True)
    print([repr(x) for x in r])
    print("--- cancelling the outer future cancels the children")
    a, b = asyncio.ensure_future(forever()), asyncio.ensure_future(forever())
    g = asyncio.gather(a, b)
    await asyncio.sleep(0)
    print("cancel:", g.cancel("stop"), g._cancel_requested)
    try:
        await g
    except asyncio.CancelledError as e:
        print("outer cancelled", e.args, a.cancelled(), b.cancelled())
    print("cancel again:", g.cancel())
    print("--- cancel with return_exceptions still cancels the outer")
    a = asyncio.ensure_future(forever())
    g = asyncio.gather(a, val(5), return_exceptions=True)
    await asyncio.sleep(0)
    g.cancel()
    try:
        print(await g)
    except asyncio.CancelledError:
        print("outer cancelled", a.cancelled())
    print("--- a cancelled child")
    a = asyncio.ensure_future(forever())
    loop.call_soon(a.cancel)
    r = await asyncio.gather(a, val(2), return_exceptions=True)
    print([repr(x) for x in r])
    a = asyncio.ensure_future(forever())
    loop.call_soon(a.cancel)
    try:
        await asyncio.gather(a, val(2))
    except asyncio.CancelledError as e:
        print("raised CancelledError", e.args)
    print("--- done futures")
    f1, f2 = loop.create_future(), loop.create_future()
    f1.set_result(1)
    f2.set_exception(ValueError("v"))
    print([repr(x) for x in await asyncio.gather(f1, f2, return_exceptions=True)])
    print("--- the awaiting task cancelled")
    async def waiter():
        return await asyncio.gather(forever(), forever())
    w = asyncio.ensure_future(waiter())
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    w.cancel()
    try:
        await w
    except asyncio.CancelledError:
        print("waiter cancelled")
    print("--- a Future subclass")
    m = MyFuture()
    loop.call_soon(m.set_result, "mine")
    print(await asyncio.gather(m, val("plain")))
    print("--- not awaitable")
    try:
        asyncio.gather(val(1), 42)
    except TypeError as e:
        print("TypeError:", e)
    await asyncio.sleep(0)
    print("--- bad keyword")
    try:
        asyncio.gather(val(1), loop=loop)
    except TypeError as e:
        print("TypeError:", e)
    print("--- repr")
    f = loop.create_future()
    g = asyncio.gather(f)
    print(repr(g))
    f.set_result(None)
    await g
    print(repr(g))


asyncio.run(main())
