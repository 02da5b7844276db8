# expect-stderr: Traceback (most recent call last):
# expect-stderr: line 17, in main
# expect-stderr: line 11, in worker
# expect-stderr: KeyError: 'from task'
# expect-exit: 1
import asyncio


async def worker():
    await asyncio.sleep(0)
    raise KeyError("from task")


async def main():
    t = asyncio.create_task(worker())
    await asyncio.sleep(0.01)
    await t


asyncio.run(main())
