# A task asked to cancel reads "cancelling" until it has been cancelled;
# uncancel() takes the request back.
import asyncio


async def slow_download(name):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print(name, "was cancelled")
        raise


async def main():
    task = asyncio.create_task(slow_download("report.pdf"), name="download")
    await asyncio.sleep(0)
    print(repr(task).split()[1], task.cancelling())
    task.cancel()
    print(repr(task).split()[1], task.cancelling())
    try:
        await task
    except asyncio.CancelledError:
        pass
    print(repr(task).split()[1], task.cancelled())

    other = asyncio.create_task(asyncio.sleep(1), name="other")
    await asyncio.sleep(0)
    other.cancel()
    other.uncancel()
    print(repr(other).split()[1], other.cancelling())
    other.cancel()
    await asyncio.gather(other, return_exceptions=True)


asyncio.run(main())
