import asyncio
import threading
import time


async def coro_for_thread(x):
    await asyncio.sleep(0.01)
    return x + 100


def thread_body(loop, fut, results):
    time.sleep(0.01)
    loop.call_soon_threadsafe(fut.set_result, "from thread")
    cf = asyncio.run_coroutine_threadsafe(coro_for_thread(1), loop)
    results.append(cf.result())


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    results = []
    th = threading.Thread(target=thread_body, args=(loop, fut, results))
    th.start()
    print("waiting for thread")
    print("future got", await fut)
    while not results:
        await asyncio.sleep(0.005)
    print("thread saw", results)
    await asyncio.to_thread(th.join)
    print("joined, alive:", th.is_alive())
    # an event set from a thread via call_soon_threadsafe
    ev = asyncio.Event()

    def setter():
        time.sleep(0.01)
        loop.call_soon_threadsafe(ev.set)

    threading.Thread(target=setter).start()
    await ev.wait()
    print("event from thread")


asyncio.run(main())
