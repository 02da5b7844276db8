# No preemption: a task that never reaches a checkpoint starves the others.
# A ticker runs every 0.05 s; first the main task spins without checkpoints,
# then it spins with lowlevel.checkpoint() in its loop.
import time
import trio

ticks = []


async def ticker(*, task_status=trio.TASK_STATUS_IGNORED):
    task_status.started()
    while True:
        await trio.sleep(0.05)
        ticks.append(trio.current_time())


def spin(seconds):
    end = time.perf_counter() + seconds
    n = 0
    while time.perf_counter() < end:
        n += 1
    return n


async def main():
    async with trio.open_nursery() as nursery:
        await nursery.start(ticker)
        before = len(ticks)
        spin(0.3)
        print("ticks while spinning without checkpoints:", len(ticks) - before)
        before = len(ticks)
        end = time.perf_counter() + 0.3
        while time.perf_counter() < end:
            spin(0.01)
            await trio.lowlevel.checkpoint()
        print("ticks while spinning with checkpoints > 0:", len(ticks) - before > 0)
        before = len(ticks)
        async with trio.open_nursery() as inner:
            inner.start_soon(trio.sleep, 0.3)
        print("ticks while sleeping > 3:", len(ticks) - before > 3)
        nursery.cancel_scope.cancel()
    print("a plain function call is not a checkpoint; await of a trio function is")


trio.run(main)
