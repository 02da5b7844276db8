import asyncio

depth_log = []


async def level(n, path):
    depth_log.append(n)
    if n == 0:
        await asyncio.sleep(0)
        return [path]
    left = await level(n - 1, path + "L")
    await asyncio.sleep(0)
    right = await level(n - 1, path + "R")
    return left + right


async def chain(n):
    if n == 0:
        return 0
    return 1 + await chain(n - 1)


async def a():
    print("a start")
    r = await b()
    print("a end", r)
    return r + 1


async def b():
    print("b start")
    r = await c()
    print("b end", r)
    return r * 2


async def c():
    print("c start")
    await asyncio.sleep(0.01)
    print("c end")
    return 5


async def main():
    paths = await level(3, "")
    print(paths)
    print(len(depth_log))
    print("chain", await chain(50))
    print(await a())
    # two deep chains interleaved
    r = await asyncio.gather(a(), a())
    print(r)


asyncio.run(main())
