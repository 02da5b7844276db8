import asyncio


async def main():
    lq = asyncio.LifoQueue()
    for i in range(5):
        await lq.put(i)
    print("lifo", [lq.get_nowait() for _ in range(5)])
    pq = asyncio.PriorityQueue()
    for item in [(3, "c"), (1, "a"), (5, "e"), (2, "b"), (4, "d"), (1, "aa"), (0, "z")]:
        pq.put_nowait(item)
    out = []
    while not pq.empty():
        out.append(await pq.get())
    print("priority", out)
    pq2 = asyncio.PriorityQueue(maxsize=2)

    async def prod():
        for p in [9, 7, 8, 1, 3]:
            await pq2.put(p)
            print("put", p)

    async def cons():
        for _ in range(5):
            await asyncio.sleep(0.01)
            print("get", await pq2.get())

    await asyncio.gather(prod(), cons())
    lq2 = asyncio.LifoQueue(maxsize=3)
    for x in "abc":
        lq2.put_nowait(x)
    print(lq2.full(), lq2.qsize())
    try:
        lq2.put_nowait("d")
    except asyncio.QueueFull:
        print("full")
    print("".join(lq2.get_nowait() for _ in range(3)))
    q = asyncio.Queue()
    print(isinstance(lq, asyncio.Queue), isinstance(pq, asyncio.Queue), isinstance(q, asyncio.LifoQueue))


asyncio.run(main())
