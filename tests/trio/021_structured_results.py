# Structured concurrency patterns: collecting results from children, a
# background task stopped by cancelling the nursery, and nested nurseries.
import trio


async def fetch(name, delay, results):
    await trio.sleep(delay)
    results[name] = f"{name}:{int(delay * 100)}"


async def gather(*jobs):
    results = {}
    async with trio.open_nursery() as nursery:
        for name, delay in jobs:
            nursery.start_soon(fetch, name, delay, results)
    return [results[name] for name, _ in jobs]


async def background_counter(counter):
    while True:
        await trio.sleep(0.1)
        counter["n"] += 1


async def crawl(depth, prefix, seen):
    seen.append(prefix)
    if depth == 0:
        return
    async with trio.open_nursery() as nursery:
        for i in range(2):
            nursery.start_soon(crawl, depth - 1, f"{prefix}/{i}", seen)


async def main():
    print("gather in argument order:", await gather(("x", 0.3), ("y", 0.1), ("z", 0.2)))
    counter = {"n": 0}
    async with trio.open_nursery() as nursery:
        nursery.start_soon(background_counter, counter)
        await trio.sleep(0.45)
        nursery.cancel_scope.cancel()
    print("background counted", counter["n"], "times before being cancelled")
    seen = []
    await crawl(3, "root", seen)
    print("crawled", len(seen), "pages:", sorted(seen)[:5], "...")
    async with trio.open_nursery() as nursery:
        print("child_tasks starts empty:", len(nursery.child_tasks))
        nursery.start_soon(trio.sleep, 0.1)
        nursery.start_soon(trio.sleep, 0.2)
        print("child_tasks after start_soon:", len(nursery.child_tasks))
    print("parent_task is this task:", nursery.parent_task is trio.lowlevel.current_task())
    print("task name:", trio.lowlevel.current_task().name)


trio.run(main)
