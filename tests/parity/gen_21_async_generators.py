import asyncio

async def ticker(n, delay):
    for i in range(n):
        await asyncio.sleep(delay)
        yield i

async def squares(src):
    async for v in src:
        yield v * v

async def gen_with_finally():
    try:
        yield "a"
        yield "b"
    finally:
        print("agen cleanup")

async def echo():
    total = 0
    while True:
        v = yield total
        if v is None:
            return
        total += v

async def main():
    async for t in ticker(3, 0.1):
        print("tick", t)
    print([x async for x in squares(ticker(4, 0))])
    g = gen_with_finally()
    print(await g.__anext__())
    await g.aclose()
    print("closed")
    e = echo()
    print(await e.asend(None), await e.asend(5), await e.asend(7))
    try:
        await e.asend(None)
    except StopAsyncIteration:
        print("echo done")
    g2 = gen_with_finally()
    print(await g2.__anext__())
    try:
        await g2.athrow(ValueError("boom"))
    except ValueError as ex:
        print("athrow raised", ex)
    print(type(ticker(1, 0)).__name__)
    r = await asyncio.gather(*(consume(i) for i in range(3)))
    print(r)

async def consume(i):
    out = []
    async for v in ticker(3, 0.01 * (3 - i)):
        out.append(v + i)
    return out

asyncio.run(main())
