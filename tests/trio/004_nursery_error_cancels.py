# A failing child cancels its siblings at their next checkpoint.
# Behaviour shown (trio 0.22, strict_exception_groups=False, the default): a
# single exception leaves the nursery bare (ValueError), not in a group.
import trio

events = []


async def steady(name, delay):
    try:
        while True:
            await trio.sleep(delay)
            events.append(f"{name} tick")
    except trio.Cancelled:
        events.append(f"{name} cancelled")
        raise


async def faulty():
    await trio.sleep(0.45)
    print("faulty: raising ValueError at 0.45 s")
    raise ValueError("sensor returned garbage")


async def main():
    start = trio.current_time()
    try:
        async with trio.open_nursery() as nursery:
            nursery.start_soon(steady, "a", 0.1)
            nursery.start_soon(steady, "b", 0.6)
            nursery.start_soon(faulty)
    except ValueError as e:
        print("caught", type(e).__name__, "-", e)
    print("elapsed:", round(trio.current_time() - start, 1))
    print("a ticked", events.count("a tick"), "times, b ticked", events.count("b tick"), "times")
    print("cancelled:", sorted(e for e in events if e.endswith("cancelled")))
    print("isinstance ExceptionGroup?", isinstance(ValueError(), ExceptionGroup))


trio.run(main)
