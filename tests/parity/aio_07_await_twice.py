import asyncio

calls = 0


async def compute(x):
    global calls
    calls += 1
    await asyncio.sleep(0.01)
    return x * x


async def fail():
    await asyncio.sleep(0)
    raise KeyError("missing")


async def main():
    t = asyncio.create_task(compute(7))
    a = await t
    b = await t
    print(a, b, calls)

    async def waiter(name, task):
        r = await task
        print(name, "got", r)
        return r

    t2 = asyncio.create_task(compute(3))
    print(await asyncio.gather(waiter("w1", t2), waiter("w2", t2), waiter("w3", t2)), calls)
    t3 = asyncio.create_task(fail())
    for i in range(2):
        try:
            await t3
        except KeyError as e:
            print("attempt", i, "KeyError", e)
    c = compute(2)
    print(await c)
    try:
        await c
    except RuntimeError as e:
        print("RuntimeError", e)
    print(t.result(), t3.exception().__class__.__name__)


asyncio.run(main())
