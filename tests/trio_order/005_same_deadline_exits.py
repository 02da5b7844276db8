# Two children sleep for the same time; their deadlines are microseconds
# apart, but trio waits in epoll with a whole-millisecond timeout, so both
# expire together and one batch's coin orders their exits.
import trio

events = []


async def child(name):
    events.append(f"{name} started")
    await trio.sleep(0.5)
    events.append(f"{name} exiting")


async def parent():
    async with trio.open_nursery() as nursery:
        nursery.start_soon(child, "child1")
        nursery.start_soon(child, "child2")
    for e in events:
        print(e)
    print("done")


trio.run(parent)
