import asyncio

# Task.cancel() cancels whatever the task is waiting on: an awaited task,
# the children of an awaited gather(), the inner task of wait_for().


async def leaf(name, d=1):
    try:
        await asyncio.sleep(d)
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise
    return name


async def awaits_task(t):
    try:
        return await t
    except asyncio.CancelledError:
        print("awaits_task cancelled")
        raise


async def awaits_gather(tag):
    try:
        return await asyncio.gather(leaf(tag + "-1"), leaf(tag + "-2"))
    except asyncio.CancelledError:
        print("awaits_gather", tag, "cancelled")
        raise


async def main():
    inner = asyncio.create_task(leaf("inner"))
    outer = asyncio.create_task(awaits_task(inner))
    await asyncio.sleep(0)
    outer.cancel()
    await asyncio.gather(outer, return_exceptions=True)
    print("inner cancelled:", inner.cancelled())

    # children already running when the parent is cancelled
    p = asyncio.create_task(awaits_gather("run"))
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    p.cancel()
    r = await asyncio.gather(p, return_exceptions=True)
    print("parent:", type(r[0]).__name__)
    print("tasks left:", len(asyncio.all_tasks()))

    # children not started yet when the parent is cancelled
    p = asyncio.create_task(awaits_gather("new"))
    await asyncio.sleep(0)
    p.cancel()
    r = await asyncio.gather(p, return_exceptions=True)
    print("parent:", type(r[0]).__name__)
    print("tasks left:", len(asyncio.all_tasks()))

    # a task awaiting wait_for is cancelled: the inner coroutine is cancelled too
    async def uses_wait_for():
        return await asyncio.wait_for(leaf("wf-inner"), 10)

    t = asyncio.create_task(uses_wait_for())
    await asyncio.sleep(0.01)
    t.cancel()
    r = await asyncio.gather(t, return_exceptions=True)
    print("wait_for parent:", type(r[0]).__name__)

    # a task awaiting a shielded task: the shielded one survives
    precious = asyncio.create_task(leaf("precious", 0.05))

    async def uses_shield():
        return await asyncio.shield(precious)

    t = asyncio.create_task(uses_shield())
    await asyncio.sleep(0.01)
    t.cancel()
    r = await asyncio.gather(t, return_exceptions=True)
    print("shield parent:", type(r[0]).__name__, "precious cancelled:", precious.cancelled())
    print("precious result:", await precious)
    await asyncio.sleep(0.1)
    print("tasks left at end:", len(asyncio.all_tasks()))


asyncio.run(main())
