import asyncio


async def compute(x):
    await asyncio.sleep(0)
    return x + 1


class Holder:
    async def method(self):
        return "m"


async def main():
    c = compute(1)
    print(type(c).__name__)
    print(c.__name__, c.__qualname__)
    m = Holder().method()
    print(m.__name__, m.__qualname__)
    print(asyncio.iscoroutine(c), asyncio.iscoroutine(compute), asyncio.iscoroutinefunction(Holder.method))
    print(await c, await m)
    t = asyncio.create_task(compute(5))
    print(t.get_coro().__name__)
    await t
    unused = compute(0)
    unused.close()
    print("closed without a warning")
    print(callable(compute), compute.__name__)


asyncio.run(main())
