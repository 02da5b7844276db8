# trio.to_thread.run_sync: blocking calls run in a worker thread while other
# tasks keep running; results and exceptions come back to the awaiting task.
import threading
import time
import trio


def about(seconds, expected):
    # real trio on a loaded machine wakes late, never early: a time up to a
    # quarter second past the expected one prints as that one (the
    # simulator's are exact), so the comparison with real trio holds
    return expected if expected - 0.005 <= seconds < expected + 0.25 else round(seconds, 3)


def slow_sum(numbers, delay):
    time.sleep(delay)
    return sum(numbers), threading.current_thread() is not threading.main_thread()


def failing():
    time.sleep(0.05)
    raise ValueError("disk on fire")


async def heartbeat(count):
    for i in range(count):
        await trio.sleep(0.1)
        print(f"  heartbeat {i + 1}")


async def main():
    start = trio.current_time()
    async with trio.open_nursery() as nursery:
        nursery.start_soon(heartbeat, 3)
        total, in_worker = await trio.to_thread.run_sync(slow_sum, range(101), 0.45)
        print("sum:", total, "ran in a worker thread:", in_worker)
    print("elapsed:", about(trio.current_time() - start, 0.45))
    try:
        await trio.to_thread.run_sync(failing)
    except ValueError as e:
        print("exception from the thread:", e)

    def back_into_trio():
        return trio.from_thread.run(trio.sleep, 0.05) is None

    print("from_thread.run worked:", await trio.to_thread.run_sync(back_into_trio))
    print("default limiter tokens:", trio.to_thread.current_default_thread_limiter().total_tokens)
    with trio.move_on_after(0.1) as scope:
        await trio.to_thread.run_sync(time.sleep, 0.3)
    print("not cancellable by default: cancelled_caught =", scope.cancelled_caught)
    print("elapsed:", about(trio.current_time() - start, 0.85))


trio.run(main)
