import asyncio


async def worker(tag):
    await asyncio.sleep(0)
    return tag


async def main():
    me = asyncio.current_task()
    print("main name", me.get_name())
    t1 = asyncio.create_task(worker("a"))
    t2 = asyncio.create_task(worker("b"), name="custom")
    t3 = asyncio.create_task(worker("c"))
    print(t1.get_name(), t2.get_name(), t3.get_name())
    t3.set_name("renamed")
    print(t3.get_name())
    t4 = asyncio.ensure_future(worker("d"))
    print(t4.get_name(), isinstance(t4, asyncio.Task), isinstance(t4, asyncio.Future))
    t5 = asyncio.create_task(worker("e"), name=123)
    print(repr(t5.get_name()))
    t5.set_name(456)
    print(repr(t5.get_name()))
    print(t1.done(), t2.done())
    results = [await t for t in (t1, t2, t3, t4, t5)]
    print(results)
    print(t1.done(), t1.result(), t1.cancelled(), t1.exception())
    loop = asyncio.get_running_loop()
    t6 = loop.create_task(worker("f"))
    print(t6.get_name(), await t6)


asyncio.run(main())


async def second():
    print("second main", asyncio.current_task().get_name())
    t = asyncio.create_task(worker("z"))
    print(t.get_name())
    await t


asyncio.run(second())
