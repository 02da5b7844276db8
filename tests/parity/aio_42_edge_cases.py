import asyncio

async def job(x, d=0):
    await asyncio.sleep(d)
    return x

async def main():
    try:
        await asyncio.wait([job(1)])
    except TypeError as e:
        print("TypeError", e)
    c = job(5)
    r = await asyncio.gather(c, c)
    print("same coro twice", r)
    # order of done callbacks vs awaiting task
    t = asyncio.create_task(job("t"))
    t.add_done_callback(lambda f: print("cb before await"))
    async def watcher():
        await t
        print("watcher woke")
    w = asyncio.create_task(watcher())
    await asyncio.sleep(0)
    t.add_done_callback(lambda f: print("cb after watcher"))
    await t
    print("main woke")
    await w
    # put blocking, cancelled
    q = asyncio.Queue(1)
    q.put_nowait(1)
    pt = asyncio.create_task(q.put(2))
    pt2 = asyncio.create_task(q.put(3))
    await asyncio.sleep(0)
    pt.cancel()
    await asyncio.sleep(0)
    print(q.get_nowait())
    await asyncio.sleep(0)
    print(q.qsize(), q.get_nowait(), pt.cancelled(), pt2.done())
    # lock: waiter cancelled right after release hands the lock on
    lock = asyncio.Lock()
    await lock.acquire()
    async def taker(n):
        async with lock:
            print("taker", n, "has lock")
    a = asyncio.create_task(taker(1))
    b = asyncio.create_task(taker(2))
    await asyncio.sleep(0)
    lock.release()
    a.cancel()
    await asyncio.gather(a, b, return_exceptions=True)
    print("a cancelled", a.cancelled(), "locked", lock.locked())
    # semaphore fairness: a new acquirer doesn't jump the queue
    sem = asyncio.Semaphore(1)
    await sem.acquire()
    order = []
    async def s(n):
        async with sem:
            order.append(n)
            await asyncio.sleep(0)
    ts = [asyncio.create_task(s(i)) for i in range(3)]
    await asyncio.sleep(0)
    sem.release()
    ts.append(asyncio.create_task(s(99)))
    await asyncio.gather(*ts)
    print("sem order", order)
    # as_completed with duplicate
    f = asyncio.create_task(job("dup", 0.01))
    print([await x for x in asyncio.as_completed([f, f])])
    # wait_for on done future with timeout
    print(await asyncio.wait_for(f, 0.0001))
    # sleep returns at the right virtual time
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    await asyncio.sleep(0.05)
    print(loop.time() - t0 >= 0.049)

asyncio.run(main())
