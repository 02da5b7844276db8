"""
title: A blocking call inside a coroutine stalls the whole loop
cores: 1
The same three downloads under gather, but each calls time.sleep() - a
blocking call - instead of awaiting asyncio.sleep().  The event loop runs
on one thread, and a blocked thread runs nothing: while one task sleeps
(z), the others sit ready in the queue (.), so the downloads happen one
after another.  The fix for blocking work is to hand it to a thread with
asyncio.to_thread(), which the loop awaits like any other future.
"""
import asyncio
import time

async def blocking_download(name):
    print(f"start {name}")
    time.sleep(0.5)                      # blocks the thread, and the loop
    print(f"done  {name}")

async def threaded_download(name, seconds):
    print(f"start {name}")
    await asyncio.to_thread(time.sleep, seconds)   # the wait moves to a worker thread
    print(f"done  {name}")

async def main():
    start = time.perf_counter()
    await asyncio.gather(*(blocking_download(n) for n in ("a", "b", "c")))
    print(f"time.sleep in coroutines: {time.perf_counter() - start:.1f} s")

    start = time.perf_counter()
    await asyncio.gather(*(threaded_download(n, s) for n, s in (("a", 0.5), ("b", 0.6), ("c", 0.7))))
    print(f"asyncio.to_thread:        {time.perf_counter() - start:.1f} s")

asyncio.run(main())
