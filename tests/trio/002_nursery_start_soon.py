# A nursery waits for all its children; start_soon only schedules them.
# Children print only after sleeps of distinct lengths, so the output does not
# depend on trio's random batch order.
import trio

results = {}


async def fetch(name, delay):
    await trio.sleep(delay)
    print(f"  {name} finished after {delay} s")
    results[name] = len(name) * 100


async def main():
    start = trio.current_time()
    async with trio.open_nursery() as nursery:
        nursery.start_soon(fetch, "slow.example", 0.3)
        nursery.start_soon(fetch, "fast.example", 0.1)
        nursery.start_soon(fetch, "medium.example", 0.2, name="medium-fetch")
        print("three children scheduled; none has run yet:", results == {})
        await trio.sleep(0.15)
        print("parent woke at 0.15 s; finished so far:", sorted(results))
    print("nursery exited after", round(trio.current_time() - start, 1), "s")
    print("results:", sorted(results.items()))
    async with trio.open_nursery() as empty:
        pass
    print("an empty nursery exits at once")
    async with trio.open_nursery() as outer:
        outer.start_soon(fetch, "nested-a", 0.1)
        async with trio.open_nursery() as inner:
            inner.start_soon(fetch, "nested-b", 0.2)
        print("inner nursery done")
    print("outer nursery done")


trio.run(main)
