# Output DEPENDS on trio's batch order (golden test material, see README):
# three tasks want one Lock in the same batch; the first to run takes it, the
# others park FIFO in the order they ran, and the lock is handed over in that order.
import trio


async def worker(name, lock):
    print(f"{name} wants")
    async with lock:
        print(f"{name} holds")
        await trio.sleep(0)
    print(f"{name} released")


async def main():
    lock = trio.Lock()
    async with trio.open_nursery() as nursery:
        for name in ("p", "q", "r"):
            nursery.start_soon(worker, name, lock)
    print("done")


trio.run(main)
