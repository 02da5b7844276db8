# CancelScope: cancel(), cancel_called, cancelled_caught, deadline, nesting
import math
import trio


def about(seconds, expected):
    # real trio on a loaded machine wakes late, never early: a time up to a
    # quarter second past the expected one prints as that one (the
    # simulator's are exact), so the comparison with real trio holds
    return expected if expected - 0.005 <= seconds < expected + 0.25 else round(seconds, 3)


async def main():
    with trio.CancelScope() as scope:
        print("deadline is inf:", scope.deadline == math.inf, "shield:", scope.shield)
        scope.cancel()
        print("cancel() only marks the scope:", scope.cancel_called)
        await trio.sleep(1)
        print("never printed")
    print("cancelled_caught:", scope.cancelled_caught)

    with trio.CancelScope() as untouched:
        await trio.sleep(0.05)
    print("untouched:", untouched.cancel_called, untouched.cancelled_caught)

    with trio.CancelScope() as scope:
        scope.cancel()
        total = sum(range(1000))
        print("no checkpoint, no cancellation:", total)
    print("cancel without a checkpoint inside: caught =", scope.cancelled_caught)

    with trio.CancelScope() as outer:
        with trio.CancelScope() as inner:
            outer.cancel()
            await trio.sleep(1)
        print("never printed either")
    print("outer caught:", outer.cancelled_caught, "inner caught:", inner.cancelled_caught)

    start = trio.current_time()
    with trio.CancelScope() as scope:
        scope.deadline = trio.current_time() + 0.2
        await trio.sleep(10)
    print("deadline fired after", about(trio.current_time() - start, 0.2), "s, caught:", scope.cancelled_caught)

    with trio.CancelScope(deadline=trio.current_time() + 0.1) as scope:
        scope.deadline += 0.2
        await trio.sleep_forever()
    print("moved deadline fired after", about(trio.current_time() - start, 0.5), "s in total")

    async with trio.open_nursery() as nursery:
        async def background():
            with trio.CancelScope() as mine:
                nursery_scopes.append(mine)
                await trio.sleep_forever()
            print("background: its own scope was cancelled")
        nursery_scopes = []
        nursery.start_soon(background)
        await trio.sleep(0.1)
        nursery_scopes[0].cancel()
    print("nursery done")
    try:
        with trio.CancelScope() as reused:
            pass
        with reused:
            pass
    except RuntimeError as e:
        print("RuntimeError:", e)


trio.run(main)
