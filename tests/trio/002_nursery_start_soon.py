# A nursery waits for all its children; start_soon only schedules them.
# Children print only after sleeps of distinct lengths, far enough apart
# that a loaded machine running real trio late keeps their order, so the
# output does not depend on trio's random batch order.
import trio


def about(seconds, expected):
    # real trio on a loaded machine wakes late, never early: a time up to a
    # quarter second past the expected one prints as that one (the
    # simulator's are exact), so the comparison with real trio holds
    return expected if expected - 0.005 <= seconds < expected + 0.25 else round(seconds, 3)


results = {}


async def fetch(name, delay):
    await trio.sleep(delay)
    print(f"  {name} finished after {delay} s")
    results[name] = len(name) * 100


async def main():
    start = trio.current_time()
    async with trio.open_nursery() as nursery:
        nursery.start_soon(fetch, "slow.example", 0.6)
        nursery.start_soon(fetch, "fast.example", 0.2)
        nursery.start_soon(fetch, "medium.example", 0.4, name="medium-fetch")
        print("three children scheduled; none has run yet:", results == {})
        await trio.sleep(0.3)
        print("parent woke at 0.3 s; finished so far:", sorted(results))
    print("nursery exited after", about(trio.current_time() - start, 0.6), "s")
    print("results:", sorted(results.items()))
    async with trio.open_nursery() as empty:
        pass
    print("an empty nursery exits at once")
    async with trio.open_nursery() as outer:
        outer.start_soon(fetch, "nested-a", 0.2)
        async with trio.open_nursery() as inner:
            inner.start_soon(fetch, "nested-b", 0.5)
        print("inner nursery done")
    print("outer nursery done")


trio.run(main)
