# expect-stdout: start
# expect-stderr: deadlock
# expect-stderr: Task-1 (main) awaits a future
# expect-exit: 3
import asyncio


async def main():
    print("start")
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    await fut


asyncio.run(main())
