# A shielded cancel scope lets cleanup finish while the outer scope is cancelled
import trio


def about(seconds, expected):
    # real trio on a loaded machine wakes late, never early: a time up to a
    # quarter second past the expected one prints as that one (the
    # simulator's are exact), so the comparison with real trio holds
    return expected if expected - 0.005 <= seconds < expected + 0.25 else round(seconds, 3)


async def save_state(steps):
    for i in range(steps):
        await trio.sleep(0.1)
        print(f"  saving part {i + 1}/{steps}")


async def job():
    try:
        print("job: working")
        await trio.sleep(10)
    finally:
        with trio.CancelScope(shield=True):
            print("job: cleanup starts (shielded)")
            await save_state(3)
            print("job: cleanup finished")


async def main():
    start = trio.current_time()
    with trio.move_on_after(0.2) as scope:
        await job()
    print("moved on:", scope.cancelled_caught, "after", about(trio.current_time() - start, 0.5), "s")

    with trio.CancelScope() as outer:
        outer.cancel()
        with trio.CancelScope(shield=True) as shielded:
            await trio.sleep(0.1)
            print("shielded sleep completed despite cancel_called =", outer.cancel_called)
            shielded.shield = False
            try:
                await trio.sleep(0.1)
            except trio.Cancelled:
                print("unshielded: Cancelled delivered")
                raise
    print("outer caught:", outer.cancelled_caught, "shielded caught:", shielded.cancelled_caught)

    try:
        with trio.fail_after(0.1):
            with trio.CancelScope(shield=True):
                await trio.sleep(0.3)
                print("the shield outlived the deadline")
            await trio.sleep(0)
    except trio.TooSlowError:
        print("TooSlowError raised at the first checkpoint after the shield")


trio.run(main)
