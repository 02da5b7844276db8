"""
title: Barrier: nobody passes until all three arrive
cores: 2
Three threads do 10, 20 and 30 ms of (sleeping) work, then wait at a
Barrier(3).  All three pass when the slowest arrives, at about 30 ms; each
gets a different index from wait(), 0, 1 or 2.
"""
import threading
import time

barrier = threading.Barrier(3)
start = time.perf_counter()
passed = {}
indexes = []

def worker(i):
    time.sleep(0.01 * (i + 1))
    arrived = time.perf_counter() - start
    idx = barrier.wait()
    indexes.append(idx)
    passed[i] = (arrived, time.perf_counter() - start)

threads = [threading.Thread(target=worker, args=(i,)) for i in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
for i in range(3):
    arrived, left = passed[i]
    print(f"worker {i}: arrived at {arrived * 1000:.0f} ms, passed at {left * 1000:.0f} ms")
print("indexes:", sorted(indexes))
print("broken:", barrier.broken)
