import asyncio


async def step(name, n):
    for i in range(n):
        print(f"{name}{i}")
        await asyncio.sleep(0)
    print(f"{name} end")
    return name * n


async def main():
    r = await asyncio.gather(step("A", 3), step("B", 3), step("C", 3))
    print(r)
    print("--- uneven")
    r = await asyncio.gather(step("X", 1), step("Y", 4), step("Z", 2))
    print(r)
    print("--- with sleeps")

    async def sl(name, delays):
        for d in delays:
            await asyncio.sleep(d)
            print(name, d)
        return name

    r = await asyncio.gather(sl("p", [0.15, 0.15]), sl("q", [0.1, 0.1, 0.15]), sl("r", [0.25]))
    print(r)


asyncio.run(main())
