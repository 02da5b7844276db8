# Output DEPENDS on trio's batch order (golden test material, see README):
# three waiters park on an Event in the order the first batch ran them; set()
# wakes them in that order and the next batch runs them forward or reversed.
import trio


async def waiter(name, event):
    print(f"{name} waits")
    await event.wait()
    print(f"{name} woke")


async def main():
    event = trio.Event()
    async with trio.open_nursery() as nursery:
        for name in ("x", "y", "z"):
            nursery.start_soon(waiter, name, event)
        await trio.sleep(0.05)
        print("set")
        event.set()
    print("done")


trio.run(main)
