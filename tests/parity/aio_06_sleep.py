import asyncio


async def yielder(name, n):
    for i in range(n):
        print(name, i)
        r = await asyncio.sleep(0)
        assert r is None
    return name


async def main():
    r = await asyncio.sleep(0.01, result="hello")
    print("sleep result", r)
    r = await asyncio.sleep(0, result=[1, 2])
    print("sleep0 result", r)
    r = await asyncio.sleep(0)
    print("plain", r)
    t1 = asyncio.create_task(yielder("a", 3))
    t2 = asyncio.create_task(yielder("b", 2))
    print("created")
    await asyncio.sleep(0)
    print("main after one yield")
    await asyncio.sleep(0)
    print("main after two yields")
    print(await t1, await t2)
    # negative sleep acts like sleep(0)
    t3 = asyncio.create_task(yielder("c", 1))
    await asyncio.sleep(-1)
    print("after negative sleep")
    await t3
    # sleep ordering by deadline
    async def s(name, d):
        await asyncio.sleep(d)
        print("woke", name)
    await asyncio.gather(s("late", 0.15), s("early", 0.05), s("mid", 0.1), s("zero", 0))


asyncio.run(main())
