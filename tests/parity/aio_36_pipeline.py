import asyncio

DONE = None


async def source(out, n):
    for i in range(n):
        await asyncio.sleep(0.08)
        print(f"source -> {i}")
        await out.put(i)
    await out.put(DONE)


async def stage(name, inp, out, fn, delay):
    count = 0
    while True:
        item = await inp.get()
        if item is DONE:
            await out.put(DONE)
            print(f"{name} finished after {count} items")
            return count
        await asyncio.sleep(delay)
        r = fn(item)
        print(f"{name}: {item} -> {r}")
        count += 1
        await out.put(r)


async def sink(inp):
    total = []
    while True:
        item = await inp.get()
        if item is DONE:
            return total
        total.append(item)


async def main():
    q1 = asyncio.Queue(maxsize=1)
    q2 = asyncio.Queue(maxsize=1)
    q3 = asyncio.Queue()
    results = await asyncio.gather(
        source(q1, 5),
        stage("square", q1, q2, lambda x: x * x, 0.2),
        stage("plus1", q2, q3, lambda x: x + 1, 0.04),
        sink(q3),
    )
    print(results)


asyncio.run(main())
