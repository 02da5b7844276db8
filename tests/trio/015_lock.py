# trio.Lock: strict FIFO handoff. Tasks arrive at distinct times and hold the
# lock across sleeps; each prints only while holding it.
import trio

balance = 100


async def withdraw(lock, name, amount, arrive):
    global balance
    await trio.sleep(arrive)
    print(f"{name} wants the lock (locked={lock.locked()})")
    async with lock:
        print(f"{name} has the lock")
        current = balance
        await trio.sleep(0.1)
        if current >= amount:
            balance = current - amount
            print(f"{name} withdrew {amount}, balance {balance}")
        else:
            print(f"{name} refused: balance {current} < {amount}")


async def main():
    lock = trio.Lock()
    async with trio.open_nursery() as nursery:
        nursery.start_soon(withdraw, lock, "ann", 30, 0.0)
        nursery.start_soon(withdraw, lock, "bob", 50, 0.03)
        nursery.start_soon(withdraw, lock, "cy", 40, 0.06)
        await trio.sleep(0.08)
        stats = lock.statistics()
        print("stats: locked", stats.locked, "waiting", stats.tasks_waiting)
    print("final balance:", balance)

    await lock.acquire()
    print("acquired by main:", lock.locked())
    try:
        lock.acquire_nowait()
    except RuntimeError as e:
        print("acquire_nowait by the owner: RuntimeError:", e)

    async def try_acquire_nowait():
        try:
            lock.acquire_nowait()
        except trio.WouldBlock:
            print("acquire_nowait by another task: WouldBlock")

    async with trio.open_nursery() as nursery:
        nursery.start_soon(try_acquire_nowait)
    lock.release()
    try:
        lock.release()
    except RuntimeError as e:
        print("RuntimeError:", e)

    async def try_release():
        try:
            lock.release()
        except RuntimeError as e:
            print("other task:", e)

    async with lock:
        async with trio.open_nursery() as nursery:
            nursery.start_soon(try_release)
    print("strict lock variant exists:", trio.StrictFIFOLock.__name__)


trio.run(main)
