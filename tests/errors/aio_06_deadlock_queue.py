# expect-stderr: deadlock
# expect-stderr: consumer
# expect-exit: 3
import asyncio


async def consumer(q):
    while True:
        item = await q.get()
        print("got", item)


async def main():
    q = asyncio.Queue()
    q.put_nowait(1)
    await asyncio.gather(consumer(q), asyncio.sleep(0.01))


asyncio.run(main())
