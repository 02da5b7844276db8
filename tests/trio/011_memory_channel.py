# open_memory_channel: a producer and a consumer; async with closes the ends,
# async for stops at EndOfChannel. The producer sleeps between items and prints
# only before sending, so prints never share a batch.
import trio


async def producer(send_channel, items):
    async with send_channel:
        for item in items:
            print(f"producer: sending {item!r}")
            await send_channel.send(item)
            await trio.sleep(0.05)
    print("producer: closed its end")


async def consumer(receive_channel, out):
    async with receive_channel:
        async for item in receive_channel:
            print(f"consumer: got {item!r}")
            out.append(item)
    print("consumer: channel exhausted")


async def main():
    for size in (0, 2):
        print(f"-- buffer size {size}")
        send, receive = trio.open_memory_channel(size)
        got = []
        async with trio.open_nursery() as nursery:
            nursery.start_soon(consumer, receive, got)
            nursery.start_soon(producer, send, ["a", 1, ("t", 2)])
        print("received in order:", got)

    send, receive = trio.open_memory_channel(float("inf"))
    for i in range(5):
        await send.send(i * i)
    await send.aclose()
    print("unbounded buffer then closed:", [x async for x in receive])
    try:
        await receive.receive()
    except trio.EndOfChannel:
        print("receive after the end: EndOfChannel")
    try:
        trio.open_memory_channel(-1)
    except ValueError as e:
        print("ValueError:", e)
    try:
        trio.open_memory_channel(1.5)
    except TypeError as e:
        print("TypeError:", e)


trio.run(main)
