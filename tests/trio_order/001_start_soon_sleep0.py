# Output DEPENDS on trio's batch order (golden test material, see README):
# three children started with start_soon print, checkpoint with sleep(0), print.
import trio


async def child(name):
    print(f"{name}1")
    await trio.sleep(0)
    print(f"{name}2")


async def main():
    async with trio.open_nursery() as nursery:
        for name in "ABC":
            nursery.start_soon(child, name)
    print("done")


trio.run(main)
