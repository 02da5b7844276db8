import asyncio
import time
import threading
import concurrent.futures


def blocking(x):
    time.sleep(0.02)
    return x * 10


def named(a, b=0, *, c=0):
    return (a, b, c, threading.current_thread() is threading.main_thread())


def fails():
    raise ValueError("thread failure")


async def main():
    r = await asyncio.to_thread(blocking, 4)
    print("to_thread", r)
    print(await asyncio.to_thread(named, 1, 2, c=3))
    rs = await asyncio.gather(*[asyncio.to_thread(blocking, i) for i in range(5)])
    print("gathered", rs)
    try:
        await asyncio.to_thread(fails)
    except ValueError as e:
        print("ValueError", e)
    loop = asyncio.get_running_loop()
    r = await loop.run_in_executor(None, blocking, 7)
    print("default executor", r)
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as ex:
        futs = [loop.run_in_executor(ex, blocking, i) for i in range(4)]
        print("pool", await asyncio.gather(*futs))
    f = loop.run_in_executor(None, named, 5)
    print(isinstance(f, asyncio.Future), await f)
    # the loop keeps running tasks while a thread blocks
    ticks = []

    async def ticker():
        for i in range(3):
            ticks.append(i)
            await asyncio.sleep(0)

    await asyncio.gather(asyncio.to_thread(blocking, 1), ticker())
    print("ticks", ticks)
    # wrap_future on a concurrent future
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as ex:
        cf = ex.submit(blocking, 9)
        print("wrapped", await asyncio.wrap_future(cf))


asyncio.run(main())
