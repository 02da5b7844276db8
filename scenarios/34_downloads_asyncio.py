"""
title: Six downloads, two at a time: asyncio
cores: 1
The download job of the next two scenarios, written with asyncio: six
pages, each a 0.2 s wait for the network, at most two at a time.  The
limit is an asyncio.Semaphore(2) that every download enters with `async
with`; gather() runs them all and returns their results in order.  In the
second run page 4 fails after 0.1 s (connection refused): gather() passes
the error to its caller straight away, but does not stop the other
downloads - they go on in the background.
"""
import asyncio
import time

PAGES = range(1, 7)
LIMIT = 2
LATENCY = 0.2

async def fetch(page, limit, status, start, failing):
    async with limit:                          # at most LIMIT inside at a time
        status[page] = "fetching"
        if page == failing:
            await asyncio.sleep(0.1)
            status[page] = "failed"
            raise OSError(f"page {page}: connection refused")
        await asyncio.sleep(LATENCY)           # the network
        status[page] = "done"
        print(f"  {time.perf_counter() - start:.1f} s  page {page} done")
        return f"<html>page {page}</html>"

def summary(status):
    counts = {}
    for state in status.values():
        counts[state] = counts.get(state, 0) + 1
    return ", ".join(f"{counts[s]} {s}" for s in ("done", "failed", "fetching", "waiting", "cancelled") if s in counts)

async def download_all(failing=None):
    limit = asyncio.Semaphore(LIMIT)
    status = {page: "waiting" for page in PAGES}
    start = time.perf_counter()
    try:
        pages = await asyncio.gather(*(fetch(page, limit, status, start, failing) for page in PAGES))
        print(f"  got {len(pages)} pages after {time.perf_counter() - start:.1f} s")
    except OSError as exc:
        print(f"  {exc!r} after {time.perf_counter() - start:.1f} s: {summary(status)}")
        await asyncio.sleep(1)
        print(f"  one second later: {summary(status)}")

print(f"asyncio, {LIMIT} at a time:")
asyncio.run(download_all())
print("asyncio, page 4 fails:")
asyncio.run(download_all(failing=4))
