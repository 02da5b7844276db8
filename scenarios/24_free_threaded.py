"""
title: Free-threaded Python: parallel threads, and the races come back
cores: 2
jitter: 0.1             # real threads never run in lockstep
The same file under two interpreters.  With the GIL (ordinary CPython) two
CPU-bound threads take turns, and `counter += 1` in four threads loses
nothing - not because it is safe, but because CPython 3.11 never switches
threads between its load and its store.  Run it with `--gil off`, which
stands for the free-threaded build (3.13t, 3.14t): the threads run on both
cores at once and take about half the time, and the same += loses updates,
because now two threads really do read the counter at the same moment.
"""
import threading
import time

def count_down(n):
    while n > 0:
        n -= 1

counter = 0

def add(n):
    global counter
    for _ in range(n):
        counter += 1

def in_threads(target, arg, k):
    gate = threading.Barrier(k)

    def run():
        gate.wait()                      # all k threads start together
        target(arg)

    threads = [threading.Thread(target=run, name=f"{target.__name__}-{i}") for i in range(k)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return time.perf_counter() - start

start = time.perf_counter()
count_down(300_000)
count_down(300_000)
one = time.perf_counter() - start
two = in_threads(count_down, 300_000, 2)
print(f"two countdowns: two threads / one thread = {two / one:.2f}")

in_threads(add, 100_000, 4)
print(f"counter = {counter} (expected {4 * 100_000})")
