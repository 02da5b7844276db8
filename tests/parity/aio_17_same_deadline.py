import asyncio

# Timers with exactly the same deadline: CPython keeps them in a heap keyed
# only by the deadline, so equal deadlines do not come out in FIFO order.


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    done = loop.create_future()
    log = []
    for i in range(6):
        loop.call_at(t0 + 0.02, log.append, f"same{i}")
    loop.call_at(t0 + 0.03, done.set_result, None)
    await done
    print(log)
    # two deadlines, pushed alternately
    log.clear()
    done = loop.create_future()
    t1 = loop.time()
    for i in range(8):
        loop.call_at(t1 + (0.01 if i % 2 else 0.02), log.append, i)
    loop.call_at(t1 + 0.03, done.set_result, None)
    await done
    print(log)
    # three timers: small heaps
    log.clear()
    done = loop.create_future()
    t2 = loop.time()
    for i in range(3):
        loop.call_at(t2 + 0.01, log.append, i)
    loop.call_at(t2 + 0.02, done.set_result, None)
    await done
    print(log)


asyncio.run(main())
