# Async generators: aclose(), finally blocks, asend/athrow, breaking out early
import asyncio


async def stream(name, items):
    print(f"{name}: open")
    try:
        for item in items:
            await asyncio.sleep(0)
            yield item
    except GeneratorExit:
        print(f"{name}: closed early")
        raise
    finally:
        await asyncio.sleep(0)
        print(f"{name}: cleanup")


async def accumulator():
    total = 0
    while True:
        try:
            value = yield total
        except ValueError as e:
            print("  accumulator rejected:", e)
            continue
        total += value


async def main():
    s = stream("full", [1, 2])
    async for x in s:
        print("got", x)
    print("-- early close")
    s = stream("partial", [1, 2, 3, 4])
    async for x in s:
        print("got", x)
        if x == 2:
            break
    await s.aclose()
    print("-- close before start")
    s = stream("unused", [1])
    await s.aclose()
    print("unused closed without running")
    print("-- asend / athrow")
    acc = accumulator()
    print("start:", await acc.asend(None))
    print("asend 5:", await acc.asend(5))
    print("asend 10:", await acc.asend(10))
    print("athrow:", await acc.athrow(ValueError("negative")))
    print("asend 1:", await acc.asend(1))
    await acc.aclose()
    try:
        await acc.asend(1)
    except StopAsyncIteration:
        print("asend after aclose: StopAsyncIteration")


asyncio.run(main())
