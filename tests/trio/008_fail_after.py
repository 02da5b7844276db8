# fail_after / fail_at raise trio.TooSlowError when the deadline passes
import trio


def about(seconds, expected):
    # real trio on a loaded machine wakes late, never early: a time up to a
    # quarter second past the expected one prints as that one (the
    # simulator's are exact), so the comparison with real trio holds
    return expected if expected - 0.005 <= seconds < expected + 0.25 else round(seconds, 3)


async def query(name, delay):
    await trio.sleep(delay)
    return f"{name}: {int(delay * 1000)} ms of data"


async def main():
    for name, delay in [("cache", 0.05), ("database", 0.3)]:
        try:
            with trio.fail_after(0.2):
                print(await query(name, delay))
        except trio.TooSlowError as e:
            print(f"{name} too slow: {type(e).__name__} {e.args} is RuntimeError? {isinstance(e, RuntimeError)}")

    start = trio.current_time()
    try:
        with trio.fail_at(start + 0.3) as scope:
            await trio.sleep_forever()
    except trio.TooSlowError:
        print("fail_at fired after", about(trio.current_time() - start, 0.3), "s; scope caught:", scope.cancelled_caught)

    try:
        with trio.fail_after(0.1):
            with trio.move_on_after(0.5) as inner:
                await trio.sleep(1)
            print("never printed")
    except trio.TooSlowError:
        print("outer fail_after wins; inner move_on caught:", inner.cancelled_caught)

    try:
        with trio.fail_after(0.5):
            with trio.move_on_after(0.1) as inner:
                await trio.sleep(1)
            print("inner move_on fired first:", inner.cancelled_caught)
    except trio.TooSlowError:
        print("never printed")

    attempts = []
    for attempt, delay in enumerate([0.3, 0.2, 0.02], 1):
        try:
            with trio.fail_after(0.1):
                await trio.sleep(delay)
            attempts.append(f"attempt {attempt} ok")
            break
        except trio.TooSlowError:
            attempts.append(f"attempt {attempt} timed out")
    print(attempts)


trio.run(main)
