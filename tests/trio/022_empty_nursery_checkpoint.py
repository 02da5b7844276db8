# Leaving a nursery that has no children is still a checkpoint: the task
# gives the others a turn there, as trio.sleep(0) would.
import trio


async def main():
    log = []

    async def looper():
        for i in range(3):
            async with trio.open_nursery():
                pass
            log.append("A")

    async def once():
        log.append("B")

    async with trio.open_nursery() as nursery:
        nursery.start_soon(looper)
        nursery.start_soon(once)
    print("".join(log))


trio.run(main)
