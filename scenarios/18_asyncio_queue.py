"""
title: Producer and consumers with asyncio.Queue
cores: 1
The same pipeline as the queue.Queue scenario, as coroutines on one thread:
a producer task puts 12 pages on an asyncio.Queue with room for 3, and two
consumer tasks take them off.  `await queue.put()` and `await queue.get()`
suspend only the task that waits (a), never the thread.  queue.join()
waits until every page has been marked done; then main cancels the
consumers, which are waiting for pages that will never come.
"""
import asyncio
import time

async def producer(queue, n):
    for i in range(n):
        await asyncio.sleep(0.05)          # download page i
        await queue.put(f"page{i}")        # waits while the queue is full

async def consumer(queue, parsed):
    while True:
        page = await queue.get()           # waits while the queue is empty
        await asyncio.sleep(0.15)          # parse it
        parsed.append(page)
        queue.task_done()

async def main():
    queue = asyncio.Queue(maxsize=3)
    parsed = []
    start = time.perf_counter()
    consumers = [asyncio.create_task(consumer(queue, parsed)) for _ in range(2)]
    await asyncio.create_task(producer(queue, 12))
    await queue.join()                     # every page parsed
    for c in consumers:
        c.cancel()
    await asyncio.gather(*consumers, return_exceptions=True)
    print(f"parsed {len(parsed)} pages in {time.perf_counter() - start:.2f} s")

asyncio.run(main())
