"""
title: Free-threaded: two CPU-bound threads run in parallel
cores: 2
gil: off
op_cost: 20ns           # the same work as gil_two_cpu_threads
The same two countdowns as gil_two_cpu_threads, but with gil: off (PEP 703,
free-threaded CPython).  Each thread has its own core for the whole run, so
the elapsed time is about one countdown's and the speedup is about 2x.
"""
# parity: python3
import threading

def countdown(n):
    while n > 0:
        n -= 1

threads = [threading.Thread(target=countdown, args=(150_000,)) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("done")
