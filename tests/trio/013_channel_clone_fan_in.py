# Fan-in with clone(): each producer owns a clone of the send end; the consumer's
# async for ends only when every clone is closed. Producers finish at distinct
# times; only the main task prints.
import trio


async def producer(name, send_channel, count, delay):
    async with send_channel:
        for i in range(count):
            await trio.sleep(delay)
            await send_channel.send(f"{name}-{i}")
    DONE[name] = round(trio.current_time() - T0, 1)


async def consumer(receive_channel, results):
    async with receive_channel:
        async for value in receive_channel:
            results.append(value)


DONE = {}


async def main():
    global T0
    T0 = trio.current_time()
    results = []
    send, receive = trio.open_memory_channel(0)
    async with trio.open_nursery() as nursery:
        nursery.start_soon(consumer, receive, results)
        async with send:
            nursery.start_soon(producer, "fast", send.clone(), 3, 0.07)
            nursery.start_soon(producer, "slow", send.clone(), 2, 0.25)
        print("main: original send end closed, clones still open")
    print("consumer saw the end after every clone closed; producers done at:", sorted(DONE.items()))
    print("results:", sorted(results))
    print("fast before slow-0:", results.index("fast-2") < results.index("slow-0"))

    s, r = trio.open_memory_channel(1)
    r2 = r.clone()
    await r.aclose()
    s.send_nowait("via clone")
    print("the receive clone still works:", r2.receive_nowait())
    await r2.aclose()
    try:
        s.send_nowait("nobody left")
    except trio.BrokenResourceError:
        print("all receive clones closed: BrokenResourceError")
    await s.aclose()
    try:
        s.clone()
    except trio.ClosedResourceError:
        print("clone of a closed end: ClosedResourceError")


trio.run(main)
