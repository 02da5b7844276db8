"""
title: Six downloads, two at a time: trio
cores: 1
trio_order: shuffle
The same download job with trio: six pages, each a 0.2 s wait for the
network, at most two at a time.  The limit is a trio.CapacityLimiter(2)
that every download enters with `async with`; the nursery starts them
and waits for all of them.  Which two pages go first depends on trio's
shuffled batch order (--seed here, chance in real trio), so the lines
come in another order from run to run, but the times do not change.  In
the second run page 4 fails after 0.1 s: the nursery cancels every other
download - those waiting for the limiter too - and raises the error once
they have all stopped.
"""
import trio

PAGES = range(1, 7)
LIMIT = 2
LATENCY = 0.2

async def fetch(page, limit, status, start, failing):
    try:
        async with limit:                      # at most LIMIT inside at a time
            status[page] = "fetching"
            if page == failing:
                await trio.sleep(0.1)
                status[page] = "failed"
                raise OSError(f"page {page}: connection refused")
            await trio.sleep(LATENCY)          # the network
            status[page] = "done"
            print(f"  {trio.current_time() - start:.1f} s  page {page} done")
    except trio.Cancelled:
        status[page] = "cancelled"
        raise

def summary(status):
    counts = {}
    for state in status.values():
        counts[state] = counts.get(state, 0) + 1
    return ", ".join(f"{counts[s]} {s}" for s in ("done", "failed", "fetching", "waiting", "cancelled") if s in counts)

async def download_all(failing=None):
    limit = trio.CapacityLimiter(LIMIT)
    status = {page: "waiting" for page in PAGES}
    start = trio.current_time()
    try:
        async with trio.open_nursery() as nursery:
            for page in PAGES:
                nursery.start_soon(fetch, page, limit, status, start, failing)
        print(f"  got {list(status.values()).count('done')} pages after {trio.current_time() - start:.1f} s")
    except OSError as exc:
        print(f"  {exc!r} after {trio.current_time() - start:.1f} s: {summary(status)}")
        await trio.sleep(1)
        print(f"  one second later: {summary(status)}")

print(f"trio, {LIMIT} at a time:")
trio.run(download_all)
print("trio, page 4 fails:")
trio.run(download_all, 4)
