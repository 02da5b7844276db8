"""
title: Timeouts and cancellation in asyncio
cores: 1
asyncio.wait_for() gives an awaitable a deadline: when it passes, the
inner task is cancelled - a CancelledError is raised inside it at its
current await - and the caller gets TimeoutError.  A task can clean up in
`finally` (or catch CancelledError, and should re-raise it).  task.cancel()
does the same on request.  A cancelled task's cleanup runs when the loop
next runs it, not at the moment cancel() is called.
"""
import asyncio
import time

async def fetch(name, seconds):
    try:
        print(f"{name}: start")
        await asyncio.sleep(seconds)
        print(f"{name}: done")
        return name
    except asyncio.CancelledError:
        print(f"{name}: cancelled, cleaning up")
        raise
    finally:
        print(f"{name}: connection closed")

async def main():
    start = time.perf_counter()

    print(await asyncio.wait_for(fetch("fast", 0.2), timeout=1.0))
    try:
        await asyncio.wait_for(fetch("slow", 5.0), timeout=1.0)
    except TimeoutError:
        print(f"slow: gave up after {time.perf_counter() - start - 0.2:.1f} s")

    task = asyncio.create_task(fetch("manual", 5.0))
    await asyncio.sleep(0.5)
    task.cancel()
    print(f"cancel() requested; task.done() = {task.done()}")
    try:
        await task
    except asyncio.CancelledError:
        print(f"task.cancelled() = {task.cancelled()}")
    print(f"total {time.perf_counter() - start:.1f} s")

asyncio.run(main())
