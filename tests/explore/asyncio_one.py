# One thread, one event loop: asyncio tasks switch only where they await,
# in the loop's FIFO order, so there is one schedule.
import asyncio

log = []


async def worker(name):
    for i in range(2):
        log.append(f"{name}{i}")
        await asyncio.sleep(0)


async def main():
    await asyncio.gather(worker("a"), worker("b"))
    print(log)


asyncio.run(main())
