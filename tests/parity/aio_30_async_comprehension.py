import asyncio


async def double(x):
    await asyncio.sleep(0)
    return x * 2


async def main():
    xs = [1, 2, 3, 4]
    print([await double(x) for x in xs])
    print({x: await double(x) for x in xs if x % 2})
    print(sorted({await double(x) for x in xs}))
    print(sum([await double(x) for x in range(10)]))
    nested = [[await double(i * j) for j in range(3)] for i in range(3)]
    print(nested)
    # comprehension interleaving with another task
    log = []

    async def other():
        for i in range(3):
            log.append(f"o{i}")
            await asyncio.sleep(0)

    async def rec(x):
        log.append(f"c{x}")
        await asyncio.sleep(0)
        return x

    t = asyncio.create_task(other())
    r = [await rec(x) for x in range(3)]
    await t
    print(r, log)


asyncio.run(main())
