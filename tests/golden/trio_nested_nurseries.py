# Nurseries inside nurseries: each child task is shown under the task
# that opened its nursery, one level deeper.
import trio


async def leaf(name, delay):
    await trio.sleep(delay)
    print(name, "done")


async def branch(name):
    async with trio.open_nursery() as nursery:
        nursery.start_soon(leaf, name + ".1", 0.1)
        nursery.start_soon(leaf, name + ".2", 0.2)


async def main():
    async with trio.open_nursery() as nursery:
        nursery.start_soon(branch, "a")
        nursery.start_soon(leaf, "b", 0.05)
        nursery.start_soon(branch, "c")


trio.run(main)
