"""
title: Concurrency on one core: two threads take turns
cores: 1
switch_interval: 1ms
Two threads each count down in steps and print when a step is done.  There
is one core and one GIL, so only one of them runs at any instant: they make
progress *concurrently* (their lifetimes overlap) but never in *parallel*.
Watch the cpu0 row: it alternates between the two threads every switch
interval.  Then run it with `--cores 2 --gil off` (free-threaded Python on
two cores): the two rows run at the same time, and the whole run takes
about half as long.
"""
import threading
import time

def countdown(n):
    while n > 0:
        n -= 1

def worker(name):
    for step in range(3):
        countdown(30_000)
        print(f"{name} finished step {step}")

start = time.perf_counter()
threads = [threading.Thread(target=worker, args=(name,), name=name) for name in ("A", "B")]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(f"both done after {(time.perf_counter() - start) * 1000:.1f} ms")
