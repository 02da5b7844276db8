# trio.Event: waiters block until set(); set() wakes them all at once, so their
# order in that batch is random: they record and the main task prints sorted.
import trio

woken = []


def about(seconds, expected):
    # real trio on a loaded machine wakes late, never early: a time up to a
    # quarter second past the expected one prints as that one (the
    # simulator's are exact), so the comparison with real trio holds
    return expected if expected - 0.005 <= seconds < expected + 0.25 else round(seconds, 3)


async def waiter(name, event):
    await event.wait()
    woken.append(name)


async def main():
    event = trio.Event()
    print("is_set:", event.is_set())
    async with trio.open_nursery() as nursery:
        for name in ("alpha", "beta", "gamma"):
            nursery.start_soon(waiter, name, event)
        await trio.sleep(0.1)
        print("waiting tasks:", event.statistics().tasks_waiting)
        print("woken before set:", woken)
        event.set()
        print("set() does not switch tasks: woken =", woken)
    print("woken after the nursery:", sorted(woken))
    print("is_set:", event.is_set())
    await event.wait()
    print("wait() on a set event returns at once")
    print("Event has no clear():", not hasattr(event, "clear"))

    ready = trio.Event()
    start = trio.current_time()

    async def prepare():
        await trio.sleep(0.2)
        print("prepare: setting the event")
        ready.set()
        ready.set()

    async with trio.open_nursery() as nursery:
        nursery.start_soon(prepare)
        await ready.wait()
        print("main: ready after", about(trio.current_time() - start, 0.2), "s")


trio.run(main)
