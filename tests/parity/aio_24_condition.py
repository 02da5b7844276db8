import asyncio


async def main():
    cond = asyncio.Condition()
    items = []

    async def consumer(name):
        async with cond:
            print(name, "waiting")
            await cond.wait()
            print(name, "notified, items", items)

    cs = [asyncio.create_task(consumer(f"c{i}")) for i in range(4)]
    await asyncio.sleep(0)
    async with cond:
        items.append(1)
        print("notify 1")
        cond.notify()
    await asyncio.sleep(0.01)
    async with cond:
        items.append(2)
        print("notify 2")
        cond.notify(2)
    await asyncio.sleep(0.01)
    async with cond:
        items.append(3)
        print("notify_all")
        cond.notify_all()
    await asyncio.gather(*cs)

    # wait_for with a predicate
    state = {"n": 0}

    async def until(k):
        async with cond:
            r = await cond.wait_for(lambda: state["n"] >= k)
            print("predicate", k, "satisfied with n =", state["n"], r)

    ws = [asyncio.create_task(until(k)) for k in (3, 1, 2)]
    for i in range(3):
        await asyncio.sleep(0.01)
        async with cond:
            state["n"] += 1
            print("n ->", state["n"])
            cond.notify_all()
    await asyncio.gather(*ws)
    try:
        cond.notify()
    except RuntimeError as e:
        print("RuntimeError", e)
    try:
        await cond.wait()
    except RuntimeError as e:
        print("RuntimeError", e)
    # a condition sharing an existing lock
    lock = asyncio.Lock()
    c2 = asyncio.Condition(lock)
    async with c2:
        print("lock held via condition", lock.locked())
    print("released", lock.locked())


asyncio.run(main())
