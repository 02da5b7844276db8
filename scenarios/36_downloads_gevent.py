"""
title: Six downloads, two at a time: gevent
cores: 1
The same download job with gevent: six pages, each a 0.2 s wait for the
network, at most two at a time.  The limit is a gevent.pool.Pool(2): its
map() spawns a greenlet per page, and when the pool is full the spawning
waits for a free place.  The code is plain synchronous Python - no async,
no await - because gevent.sleep (and, monkey-patched, every blocking
call) switches to another greenlet.  In the second run page 4 fails after
0.1 s: the greenlet's error is printed on stderr, map() raises it in the
caller once it reaches that page's result, and the other downloads go on.
"""
import time
import gevent
import gevent.pool

PAGES = range(1, 7)
LIMIT = 2
LATENCY = 0.2

def summary(status):
    counts = {}
    for state in status.values():
        counts[state] = counts.get(state, 0) + 1
    return ", ".join(f"{counts[s]} {s}" for s in ("done", "failed", "fetching", "waiting", "cancelled") if s in counts)

def download_all(failing=None):
    status = {page: "waiting" for page in PAGES}
    start = time.perf_counter()

    def fetch(page):
        status[page] = "fetching"
        if page == failing:
            gevent.sleep(0.1)
            status[page] = "failed"
            raise OSError(f"page {page}: connection refused")
        gevent.sleep(LATENCY)                  # the network
        status[page] = "done"
        print(f"  {time.perf_counter() - start:.1f} s  page {page} done")
        return f"<html>page {page}</html>"

    pool = gevent.pool.Pool(LIMIT)             # at most LIMIT greenlets at a time
    try:
        pages = pool.map(fetch, PAGES)         # a greenlet per page, results in order
        print(f"  got {len(pages)} pages after {time.perf_counter() - start:.1f} s")
    except OSError as exc:
        print(f"  {exc!r} after {time.perf_counter() - start:.1f} s: {summary(status)}")
        gevent.sleep(1)
        print(f"  one second later: {summary(status)}")

print(f"gevent, {LIMIT} at a time:")
download_all()
print("gevent, page 4 fails:")
download_all(failing=4)
