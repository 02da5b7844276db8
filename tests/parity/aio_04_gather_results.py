import asyncio


async def val(x, delay):
    await asyncio.sleep(delay)
    print("finish", x)
    return x


async def main():
    # results keep argument order, not completion order
    r = await asyncio.gather(val(1, 0.15), val(2, 0.05), val(3, 0.1))
    print("results", r)
    # mix of tasks and bare coroutines
    t = asyncio.create_task(val("task", 0.1))
    r = await asyncio.gather(val("coro", 0.05), t, val("coro2", 0))
    print("mixed", r)
    # the same task twice
    t2 = asyncio.create_task(val("dup", 0))
    r = await asyncio.gather(t2, t2)
    print("dup", r)
    # empty gather
    r = await asyncio.gather()
    print("empty", r, type(r).__name__)
    # nested gather
    r = await asyncio.gather(asyncio.gather(val("n1", 0), val("n2", 0)), val("n3", 0))
    print("nested", r)
    # gather of futures
    loop = asyncio.get_running_loop()
    f1 = loop.create_future()
    f2 = loop.create_future()
    loop.call_later(0.1, f1.set_result, "f1")
    loop.call_later(0.05, f2.set_result, "f2")
    r = await asyncio.gather(f1, f2)
    print("futures", r)
    g = asyncio.gather(val(7, 0))
    print(type(g).__name__ in ("_GatheringFuture", "Future"), g.done())
    print(await g, g.done())


asyncio.run(main())
