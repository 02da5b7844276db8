# expect-stderr: line 9, in inner
# expect-stderr: RuntimeError: asyncio.run() cannot be called from a running event loop
# expect-stderr: RuntimeWarning: coroutine 'sleep' was never awaited
# expect-exit: 1
import asyncio


async def inner():
    asyncio.run(asyncio.sleep(0))


async def main():
    await inner()


asyncio.run(main())
