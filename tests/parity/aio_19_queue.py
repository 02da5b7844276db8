import asyncio


async def producer(q, name, items):
    for it in items:
        print(name, "put", it, "size before", q.qsize())
        await q.put(it)
        print(name, "put done", it)
    print(name, "finished")


async def consumer(q, name, n):
    got = []
    for _ in range(n):
        it = await q.get()
        print(name, "got", it)
        got.append(it)
        q.task_done()
        await asyncio.sleep(0)
    return got


async def main():
    q = asyncio.Queue(maxsize=2)
    print(q.maxsize, q.empty(), q.full(), q.qsize())
    p = asyncio.create_task(producer(q, "P", [1, 2, 3, 4, 5]))
    await asyncio.sleep(0)
    print("after producer's first run: full?", q.full(), "size", q.qsize())
    c = asyncio.create_task(consumer(q, "C", 5))
    await asyncio.gather(p, c)
    print("consumer got", c.result())

    q2 = asyncio.Queue()
    try:
        q2.get_nowait()
    except asyncio.QueueEmpty:
        print("QueueEmpty")
    q3 = asyncio.Queue(1)
    q3.put_nowait("x")
    try:
        q3.put_nowait("y")
    except asyncio.QueueFull:
        print("QueueFull")
    print(q3.get_nowait())

    # task_done / join
    work = asyncio.Queue()
    for i in range(6):
        work.put_nowait(i)

    async def worker(name):
        while True:
            i = await work.get()
            await asyncio.sleep(0.05 * (i % 3 + 1))
            print(name, "processed", i)
            work.task_done()

    ws = [asyncio.create_task(worker(f"w{k}")) for k in range(2)]
    await work.join()
    print("all work done, unfinished", work._unfinished_tasks if hasattr(work, "_unfinished_tasks") else 0)
    for w in ws:
        w.cancel()
    res = await asyncio.gather(*ws, return_exceptions=True)
    print([type(r).__name__ for r in res])
    try:
        work.task_done()
    except ValueError as e:
        print("ValueError", e)
    # several getters waiting: served in FIFO order
    q4 = asyncio.Queue()

    async def getter(name):
        v = await q4.get()
        print(name, "received", v)

    gs = [asyncio.create_task(getter(f"g{i}")) for i in range(3)]
    await asyncio.sleep(0)
    for v in "abc":
        q4.put_nowait(v)
    await asyncio.gather(*gs)
    # join on an empty queue returns at once
    await asyncio.Queue().join()
    print("empty join ok")


asyncio.run(main())
