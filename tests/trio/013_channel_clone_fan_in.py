# Fan-in with clone(): each producer owns a clone of the send end; the consumer's
# async for ends only when every clone is closed. Producers finish at distinct
# times, far enough apart that real trio on a loaded machine keeps their
# order; only the main task prints.
import trio


def about(seconds, expected):
    # real trio on a loaded machine wakes late, never early: a time up to a
    # quarter second past the expected one prints as that one (the
    # simulator's are exact), so the comparison with real trio holds
    return expected if expected - 0.005 <= seconds < expected + 0.25 else round(seconds, 3)


async def producer(name, send_channel, count, delay):
    async with send_channel:
        for i in range(count):
            await trio.sleep(delay)
            await send_channel.send(f"{name}-{i}")
    DONE[name] = trio.current_time() - T0


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
            nursery.start_soon(producer, "fast", send.clone(), 3, 0.05)
            nursery.start_soon(producer, "slow", send.clone(), 2, 0.4)
        print("main: original send end closed, clones still open")
    print("consumer saw the end after every clone closed; producers done in order:", sorted(DONE, key=DONE.get),
          "at", about(DONE["fast"], 0.15), "and", about(DONE["slow"], 0.8), "s")
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
