import asyncio


async def ok(x, d):
    await asyncio.sleep(d)
    print("ok", x)
    return x


async def bad(msg, d):
    await asyncio.sleep(d)
    print("raising", msg)
    raise ValueError(msg)


async def main():
    r = await asyncio.gather(ok(1, 0.05), bad("boom", 0.1), ok(3, 0.15), return_exceptions=True)
    print([type(x).__name__ for x in r])
    print(r[0], repr(r[1]), r[2])
    print("--- propagating")
    try:
        await asyncio.gather(ok("a", 0.05), bad("first", 0.1), bad("second", 0.15), ok("b", 0.2))
    except ValueError as e:
        print("caught", e)
    # the other children keep running after gather failed
    await asyncio.sleep(0.3)
    print("--- tasks survive")
    t1 = asyncio.create_task(ok("t1", 0.1))
    t2 = asyncio.create_task(bad("t2", 0.05))
    try:
        await asyncio.gather(t1, t2)
    except ValueError as e:
        print("caught", e, t1.done(), t2.done())
    print(await t1, t1.done())
    print(type(t2.exception()).__name__, t2.exception())
    print("--- return_exceptions with cancelled child")
    t3 = asyncio.create_task(ok("t3", 1))
    t4 = asyncio.create_task(ok("t4", 0.05))
    asyncio.get_running_loop().call_later(0.1, t3.cancel)
    r = await asyncio.gather(t3, t4, return_exceptions=True)
    print([type(x).__name__ for x in r])
    print("--- cancelled child without return_exceptions")
    t5 = asyncio.create_task(ok("t5", 1))
    asyncio.get_running_loop().call_later(0.05, t5.cancel)
    try:
        await asyncio.gather(t5, ok("t6", 0.1))
    except asyncio.CancelledError:
        print("gather raised CancelledError")
    await asyncio.sleep(0.2)
    print("end")


asyncio.run(main())
