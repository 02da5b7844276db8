# trio.CapacityLimiter: borrow tokens, change total_tokens, and limit to_thread
import threading
import time
import trio


async def worker(limiter, name, arrive, hold, log):
    await trio.sleep(arrive)
    async with limiter:
        log.append(f"{name}+")
        print(f"{name} borrowed (borrowed={limiter.borrowed_tokens}, available={limiter.available_tokens})")
        await trio.sleep(hold)
    log.append(f"{name}-")


def blocking_job(n):
    time.sleep(0.05)
    return n * n, threading.current_thread() is threading.main_thread()


async def main():
    limiter = trio.CapacityLimiter(2)
    print("total:", limiter.total_tokens, "borrowed:", limiter.borrowed_tokens)
    log = []
    async with trio.open_nursery() as nursery:
        # arrivals and hand-overs a tenth of a second or more apart, so a
        # loaded machine running real trio late keeps their order
        for i, (arrive, hold) in enumerate([(0, 0.6), (0.1, 1.4), (0.2, 0.2), (0.3, 0.2)]):
            nursery.start_soon(worker, limiter, f"w{i}", arrive, hold, log)
        await trio.sleep(0.45)
        print("waiting for a token:", limiter.statistics().tasks_waiting)
    print("log:", log)

    async with limiter:
        try:
            await limiter.acquire()
        except RuntimeError as e:
            print("RuntimeError:", e)
    limiter.total_tokens = 3
    print("total now:", limiter.total_tokens, "available:", limiter.available_tokens)
    try:
        limiter.total_tokens = 0
    except ValueError as e:
        print("ValueError:", e)

    one = trio.CapacityLimiter(1)
    results = []

    async def run_in_thread(n):
        results.append(await trio.to_thread.run_sync(blocking_job, n, limiter=one))

    async with trio.open_nursery() as nursery:
        for n in (2, 3, 4):
            nursery.start_soon(run_in_thread, n)
    print("thread results:", sorted(results))


trio.run(main)
