import asyncio


async def user(lock, name, hold):
    print(name, "wants the lock")
    async with lock:
        print(name, "has the lock")
        await asyncio.sleep(hold)
        print(name, "releasing")
    return name


async def main():
    lock = asyncio.Lock()
    print("locked?", lock.locked())
    order = await asyncio.gather(user(lock, "a", 0.02), user(lock, "b", 0.01), user(lock, "c", 0), user(lock, "d", 0.01))
    print(order, lock.locked())
    # explicit acquire/release
    print("acquire returns", await lock.acquire())
    print("locked?", lock.locked())

    async def late(name):
        print(name, "waiting")
        await lock.acquire()
        print(name, "acquired")
        lock.release()

    ts = [asyncio.create_task(late(n)) for n in ("x", "y", "z")]
    await asyncio.sleep(0.01)
    print("main releasing")
    lock.release()
    await asyncio.gather(*ts)
    try:
        lock.release()
    except RuntimeError as e:
        print("RuntimeError", e)
    # a cancelled waiter does not take the lock
    await lock.acquire()
    w = asyncio.create_task(late("cancelled-one"))
    w2 = asyncio.create_task(late("next-one"))
    await asyncio.sleep(0)
    w.cancel()
    await asyncio.sleep(0)
    lock.release()
    await asyncio.gather(w, w2, return_exceptions=True)
    print("w cancelled", w.cancelled(), "locked", lock.locked())
    # the lock protects a read-modify-write across an await
    counter = 0

    async def incr():
        nonlocal counter
        async with lock:
            v = counter
            await asyncio.sleep(0)
            counter = v + 1

    await asyncio.gather(*[incr() for _ in range(10)])
    print("counter", counter)
    counter = 0

    async def racy():
        nonlocal counter
        v = counter
        await asyncio.sleep(0)
        counter = v + 1

    await asyncio.gather(*[racy() for _ in range(10)])
    print("racy counter", counter)


asyncio.run(main())
