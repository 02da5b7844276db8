import asyncio


async def waiter(ev, name):
    print(name, "waiting")
    r = await ev.wait()
    print(name, "woke", r)
    return name


async def main():
    ev = asyncio.Event()
    print("is_set", ev.is_set())
    ts = [asyncio.create_task(waiter(ev, f"w{i}")) for i in range(3)]
    await asyncio.sleep(0.01)
    print("setting")
    ev.set()
    print("set done, is_set", ev.is_set())
    print(await asyncio.gather(*ts))
    print("wait on set event:", await ev.wait())
    ev.clear()
    print("cleared", ev.is_set())
    t = asyncio.create_task(waiter(ev, "late"))
    await asyncio.sleep(0)
    ev.set()
    ev.clear()
    print("set then clear before waiter ran")
    await t
    # wait with timeout
    ev2 = asyncio.Event()
    try:
        await asyncio.wait_for(ev2.wait(), 0.01)
    except TimeoutError:
        print("event wait timed out")
    asyncio.get_running_loop().call_later(0.01, ev2.set)
    await ev2.wait()
    print("set by call_later")


asyncio.run(main())
