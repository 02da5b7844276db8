import asyncio


class AppError(Exception):
    pass


async def inner(n):
    await asyncio.sleep(0)
    if n == 0:
        raise AppError("bottom reached")
    return await inner(n - 1)


async def main(fail):
    print("main start", fail)
    if fail == "app":
        await inner(3)
    elif fail == "task":
        t = asyncio.create_task(inner(0))
        await t
    elif fail == "cancel":
        asyncio.current_task().cancel()
        await asyncio.sleep(0)
    elif fail == "keyboard":
        raise KeyboardInterrupt
    return "ok"


for kind in ("none", "app", "task", "cancel"):
    try:
        r = asyncio.run(main(kind))
        print("returned", r)
    except AppError as e:
        print("escaped", type(e).__name__, e)
    except asyncio.CancelledError as e:
        print("escaped CancelledError", e.args)


# a background task that fails is cancelled/ignored when main returns
async def bg_main():
    async def bg():
        await asyncio.sleep(1)
        print("bg never finishes")

    async def bg_fail():
        raise ValueError("nobody retrieves this")

    t = asyncio.create_task(bg())
    t2 = asyncio.create_task(bg_fail())
    await asyncio.sleep(0)
    print("main returns with a pending task")
    return t


t = asyncio.run(bg_main())
print("bg task cancelled after run:", t.cancelled())


# finally blocks run when asyncio.run cancels leftover tasks
async def cleanup_main():
    async def holder():
        try:
            await asyncio.sleep(10)
        finally:
            print("holder cleanup ran")

    asyncio.create_task(holder())
    await asyncio.sleep(0)
    print("cleanup_main returns")


asyncio.run(cleanup_main())
print("end")
