import asyncio

active = 0
peak = 0


async def limited(sem, name, d):
    global active, peak
    async with sem:
        active += 1
        peak = max(peak, active)
        print(name, "enter, active", active)
        await asyncio.sleep(d)
        active -= 1
        print(name, "leave")
    return name


async def main():
    sem = asyncio.Semaphore(2)
    print("locked?", sem.locked())
    r = await asyncio.gather(*[limited(sem, f"j{i}", 0.05 * (i % 3 + 1)) for i in range(6)])
    print(r, "peak", peak)
    s0 = asyncio.Semaphore(0)
    print("zero locked?", s0.locked())

    async def acq(name):
        await s0.acquire()
        print(name, "acquired")

    ts = [asyncio.create_task(acq(n)) for n in "abc"]
    await asyncio.sleep(0)
    s0.release()
    s0.release()
    await asyncio.sleep(0)
    print("after two releases", [t.done() for t in ts])
    s0.release()
    await asyncio.gather(*ts)
    # releasing more than acquired is fine for Semaphore
    s1 = asyncio.Semaphore(1)
    s1.release()
    print("sem value can grow", s1._value if hasattr(s1, "_value") else 2)
    b = asyncio.BoundedSemaphore(1)
    await b.acquire()
    b.release()
    try:
        b.release()
    except ValueError as e:
        print("ValueError", e)
    try:
        asyncio.Semaphore(-1)
    except ValueError as e:
        print("ValueError", e)
    # acquire never blocks while value > 0
    s3 = asyncio.Semaphore(3)
    for _ in range(3):
        print("acquire", await s3.acquire(), s3.locked())


asyncio.run(main())
