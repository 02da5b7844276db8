"""
title: await, create_task, gather - and a forgotten await
cores: 1
Three ways to run a coroutine, and two ways to lose one.  `await coro()`
runs it to the end before the next line.  asyncio.create_task() schedules
it and returns at once: the task starts when main next awaits, and runs in
the background until someone awaits it.  asyncio.gather() makes a task of
each argument and waits for all of them.  Calling a coroutine function
without await only makes a coroutine object: nothing runs, and Python warns
"coroutine ... was never awaited".  A task nobody awaits is cancelled when
asyncio.run() ends.
"""
import asyncio
import time

async def brew(drink, seconds):
    print(f"  {drink}: start")
    await asyncio.sleep(seconds)
    print(f"  {drink}: ready")
    return drink

async def main():
    start = time.perf_counter()

    def now():
        return f"{time.perf_counter() - start:.1f} s"

    print(f"{now()} await brew() directly")
    await brew("tea", 1)

    print(f"{now()} create_task, then other work")
    task = asyncio.create_task(brew("coffee", 1))
    print(f"{now()} the task exists but has not started")
    await asyncio.sleep(0.5)
    print(f"{now()} main did its own work while the coffee brewed")
    drink = await task
    print(f"{now()} got {drink}")

    print(f"{now()} gather three")
    drinks = await asyncio.gather(brew("juice", 1), brew("milk", 1), brew("water", 1))
    print(f"{now()} got {drinks}")

    print(f"{now()} call brew() without await")
    brew("cocoa", 1)
    print(f"{now()} create a task and never await it")
    asyncio.create_task(brew("soup", 5))
    await asyncio.sleep(0.1)
    print(f"{now()} main returns")

asyncio.run(main())
