"""
title: trio: a nursery waits for its children, and a failing child cancels the rest
cores: 1
Structured concurrency: in trio a task can only start other tasks inside a
nursery (`async with trio.open_nursery()`), and the `async with` block does
not end before every child has ended.  start_soon() only schedules a child:
nothing runs until the parent reaches a checkpoint (an await of a trio
function), here the end of the block.  When one child raises, the nursery
cancels its other children - a Cancelled exception arrives at each one's
next checkpoint, here the sleep it is in - waits for them, and raises the
child's exception from the `async with`.
"""
import trio

async def download(name, seconds, started):
    started.append(name)
    try:
        await trio.sleep(seconds)             # a checkpoint: cancellation arrives here
        print(f"  {name}: done after {seconds} s")
    except trio.Cancelled:
        print(f"  {name}: cancelled, closing the connection")
        raise                                 # always let Cancelled go on

async def broken_download(name, seconds):
    await trio.sleep(seconds)
    print(f"  {name}: the server hangs up")
    raise OSError(f"{name}: connection reset")

async def main():
    started = []

    print("three downloads in a nursery")
    start = trio.current_time()
    async with trio.open_nursery() as nursery:
        nursery.start_soon(download, "a.html", 0.3, started)
        nursery.start_soon(download, "b.html", 0.1, started)
        nursery.start_soon(download, "c.html", 0.2, started)
        print(f"  scheduled three; started so far: {started}")
    print(f"the block ended after {trio.current_time() - start:.1f} s, with all three done")

    print("one download fails")
    start = trio.current_time()
    try:
        async with trio.open_nursery() as nursery:
            nursery.start_soon(download, "d.html", 1.0, started)
            nursery.start_soon(broken_download, "e.html", 0.2)
            nursery.start_soon(download, "f.html", 0.1, started)
    except OSError as exc:
        print(f"the nursery raised {exc!r} after {trio.current_time() - start:.1f} s")

trio.run(main)
