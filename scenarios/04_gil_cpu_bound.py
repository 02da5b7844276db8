"""
title: The GIL: CPU-bound threads do not run in parallel
cores: 2
Two threads count down, first one after the other, then at the same time in
two threads.  There are two cores, but only the thread that holds the GIL
runs bytecode: the other waits (~ gil-wait), asks for the GIL after one
switch interval (5 ms), and the holder hands it over at its next
eval-breaker check.  So the threads take turns, and two threads take about
as long as doing the work twice in one thread.
Run it again with `--gil off` (free-threaded CPython, PEP 703): both cores
work at once and the threads take about half the time.
"""
import threading
import time

def countdown(n):
    while n > 0:
        n -= 1

N = 1_000_000

start = time.perf_counter()
countdown(N)
countdown(N)
sequential = time.perf_counter() - start

start = time.perf_counter()
threads = [threading.Thread(target=countdown, args=(N,)) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
threaded = time.perf_counter() - start

print(f"one thread, twice: {sequential * 1000:.1f} ms")
print(f"two threads:       {threaded * 1000:.1f} ms")
print(f"threads / sequential = {threaded / sequential:.2f}")
