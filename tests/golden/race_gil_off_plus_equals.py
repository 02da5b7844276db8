"""
title: Free-threaded: counter += 1 from two cores loses updates
cores: 2
gil: off
With gil: off two threads really run at once on two cores.  Both load the
counter, both add 1, both store: one increment is lost.  The same program
with the GIL (race_plus_equals_breaker) is exact.
"""
import threading

N = 25_000
counter = 0

def worker():
    global counter
    for _ in range(N):
        counter += 1

threads = [threading.Thread(target=worker) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(f"counter = {counter} (expected {2 * N})")
print("lost updates:", counter < 2 * N)
