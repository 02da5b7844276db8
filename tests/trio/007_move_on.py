# move_on_after / move_on_at: give up on slow work and carry on
import trio


def about(seconds, expected):
    # real trio on a loaded machine wakes late, never early: a time up to a
    # quarter second past the expected one prints as that one (the
    # simulator's are exact), so the comparison with real trio holds
    return expected if expected - 0.005 <= seconds < expected + 0.25 else round(seconds, 3)


async def download(name, chunks, delay):
    got = []
    for i in range(chunks):
        await trio.sleep(delay)
        got.append(f"{name}[{i}]")
    return got


async def main():
    start = trio.current_time()
    result = None
    with trio.move_on_after(0.3) as scope:
        result = await download("big", 10, 0.1)
    print("big: cancelled_caught =", scope.cancelled_caught, "result =", result)
    print("gave up after", about(trio.current_time() - start, 0.3), "s")

    with trio.move_on_after(1) as scope:
        result = await download("small", 2, 0.1)
    print("small:", result, "cancelled_caught =", scope.cancelled_caught)

    partial = []

    async def collect():
        # on a fixed grid (sleep_until): a late wake-up does not push the
        # later items past the deadline
        begin = trio.current_time()
        for i in range(100):
            await trio.sleep_until(begin + 0.2 * (i + 1))
            partial.append(i)

    mark = trio.current_time()
    with trio.move_on_at(mark + 0.5):
        await collect()
    print("collected before the absolute deadline:", partial)
    print("deadline relative to mark:", about(trio.current_time() - mark, 0.5))

    with trio.move_on_after(0) as zero:
        await trio.sleep(0)
    print("move_on_after(0) cancels at the first checkpoint:", zero.cancelled_caught)
    with trio.move_on_after(0.1) as outer:
        with trio.move_on_after(5) as inner:
            await trio.sleep(1)
    print("outer caught:", outer.cancelled_caught, "inner caught:", inner.cancelled_caught)
    try:
        trio.move_on_after(-1)
    except ValueError as e:
        print("ValueError:", e)


trio.run(main)
