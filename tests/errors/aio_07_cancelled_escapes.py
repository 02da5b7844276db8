# expect-stderr: line 9, in main
# expect-stderr: CancelledError
# expect-exit: 1
import asyncio


async def main():
    asyncio.current_task().cancel()
    await asyncio.sleep(0)


asyncio.run(main())
