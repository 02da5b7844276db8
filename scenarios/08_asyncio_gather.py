"""
title: asyncio: one thread, many waits at once
cores: 1
Three "downloads" that mostly wait (asyncio.sleep stands in for the
network).  Awaited one after another they take three times as long as one.
Started together with asyncio.gather they overlap: while one coroutine
awaits, the event loop runs another, all on a single thread.  Watch the
task rows: `a` is awaiting (here a timer), `.` is ready in the loop's
queue, `#` is running; the thread itself mostly waits in select() (`i`).
Note the order of the "start" lines: gather wraps its arguments in tasks
in order, and each runs until its first await.
"""
import asyncio
import time

async def download(name, seconds):
    print(f"start {name}")
    await asyncio.sleep(seconds)
    print(f"done  {name}")
    return len(name)

async def main():
    start = time.perf_counter()
    for name in ("a.txt", "b.txt", "c.txt"):
        await download(name, 0.5)
    print(f"one after another: {time.perf_counter() - start:.1f} s")

    start = time.perf_counter()
    sizes = await asyncio.gather(download("a.txt", 0.5), download("b.txt", 0.5), download("c.txt", 0.5))
    print(f"with gather: {time.perf_counter() - start:.1f} s, results {sizes}")

asyncio.run(main())
