# trio.Semaphore: at most two downloads at once; tasks arrive and finish at
# distinct times so enter/leave lines are ordered by time alone.
import trio

active = 0
peak = 0


async def download(sem, name, arrive, duration):
    global active, peak
    await trio.sleep(arrive)
    async with sem:
        active += 1
        peak = max(peak, active)
        print(f"{name} starts ({active} active, value now {sem.value})")
        await trio.sleep(duration)
        active -= 1
        print(f"{name} ends")


async def main():
    sem = trio.Semaphore(2)
    print("initial value:", sem.value, "max_value:", sem.max_value)
    jobs = [("a", 0.00, 0.30), ("b", 0.05, 0.10), ("c", 0.10, 0.35), ("d", 0.13, 0.05), ("e", 0.16, 0.10)]
    async with trio.open_nursery() as nursery:
        for name, arrive, duration in jobs:
            nursery.start_soon(download, sem, name, arrive, duration)
    print("peak concurrency:", peak, "value:", sem.value)

    bounded = trio.Semaphore(1, max_value=1)
    bounded.acquire_nowait()
    try:
        bounded.acquire_nowait()
    except trio.WouldBlock:
        print("acquire_nowait at zero: WouldBlock")
    bounded.release()
    try:
        bounded.release()
    except ValueError as e:
        print("ValueError:", e)
    plain = trio.Semaphore(0)
    plain.release()
    plain.release()
    print("unbounded semaphore released twice from 0:", plain.value)
    try:
        trio.Semaphore(-1)
    except ValueError as e:
        print("ValueError:", e)


trio.run(main)
