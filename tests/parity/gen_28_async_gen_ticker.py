# Async generators under asyncio: async def with yield, async for, comprehensions
import asyncio


async def ticker(count, delay):
    for i in range(count):
        await asyncio.sleep(delay)
        yield i


async def fetch_pages(urls):
    for n, url in enumerate(urls):
        await asyncio.sleep(0)
        yield url, 100 * (n + 1)


async def squares(agen):
    async for value in agen:
        yield value * value


async def main():
    async for tick in ticker(3, 0.01):
        print("tick", tick)
    sizes = {url: size async for url, size in fetch_pages(["/a", "/b", "/c"])}
    print("sizes:", sizes)
    print("squares:", [v async for v in squares(ticker(5, 0))])
    evens = [v async for v in ticker(6, 0) if v % 2 == 0]
    print("evens:", evens)

    agen = ticker(2, 0)
    print(type(agen).__name__)
    print("anext:", await anext(agen))
    print("anext:", await agen.__anext__())
    try:
        await anext(agen)
    except StopAsyncIteration:
        print("StopAsyncIteration")
    print("anext default:", await anext(agen, "done"))


asyncio.run(main())
