import asyncio


async def job(name, d, fail=False):
    try:
        await asyncio.sleep(d)
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise
    if fail:
        print(name, "failing")
        raise ValueError(name)
    print(name, "done")
    return name


async def main():
    async with asyncio.TaskGroup() as tg:
        t1 = tg.create_task(job("a", 0.1))
        t2 = tg.create_task(job("b", 0.05))
        print("tasks created")
    print("group finished", t1.result(), t2.result())
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(job("ok", 0.05))
            tg.create_task(job("bad", 0.1, fail=True))
            tg.create_task(job("slow", 1))
    except ExceptionGroup as eg:
        print("ExceptionGroup", eg.message, [repr(e) for e in eg.exceptions])
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(job("x", 0.01, fail=True))
            tg.create_task(job("y", 0.05, fail=True))
    except ExceptionGroup as eg:
        print("two failures", sorted(str(e) for e in eg.exceptions))


asyncio.run(main())
