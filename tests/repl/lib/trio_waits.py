"""
title: trio tasks waiting on a channel, a deadline and a sleep
cores: 1
"""
import trio


async def producer(send):
    async with send:
        for i in range(5):
            await send.send(i)
            print("sent", i)


async def slow_consumer(recv):
    with trio.move_on_after(0.5):
        async with recv:
            async for item in recv:
                print("got", item)
                await trio.sleep(0.1)


async def napper():
    await trio.sleep(0.3)
    print("napped")


async def main():
    send, recv = trio.open_memory_channel(2)
    async with trio.open_nursery() as nursery:
        nursery.start_soon(producer, send)
        nursery.start_soon(slow_consumer, recv)
        nursery.start_soon(napper)
    print("done")


trio.run(main)
