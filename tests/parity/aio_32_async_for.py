import asyncio


class Ticker:
    def __init__(self, n):
        self.n = n
        self.i = 0

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        await asyncio.sleep(0)
        self.i += 1
        return self.i


class Lines:
    """__aiter__ returns a separate iterator object."""

    def __init__(self, items):
        self.items = items

    def __aiter__(self):
        return LinesIter(self.items)


class LinesIter:
    def __init__(self, items):
        self.it = iter(items)

    async def __anext__(self):
        try:
            v = next(self.it)
        except StopIteration:
            raise StopAsyncIteration
        await asyncio.sleep(0.001)
        return v


async def main():
    async for x in Ticker(3):
        print("tick", x)
    total = 0
    async for x in Ticker(5):
        if x == 4:
            break
        total += x
    print("total", total)
    async for x in Ticker(2):
        pass
    else:
        print("for-else ran")
    async for line in Lines(["a", "b"]):
        print("line", line)
    print([y async for y in Ticker(4)])
    print([y * 10 async for y in Ticker(6) if y % 2 == 0])
    print({y: y * y async for y in Ticker(3)})
    # two async iterators interleaving in two tasks
    log = []

    async def consume(name, n):
        async for v in Ticker(n):
            log.append(f"{name}{v}")

    await asyncio.gather(consume("a", 3), consume("b", 3))
    print(log)
    try:
        async for x in [1, 2]:
            pass
    except TypeError as e:
        print("TypeError", e)


asyncio.run(main())
