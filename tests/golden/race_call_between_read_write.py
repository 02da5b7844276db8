"""
title: A call between the read and the write loses updates under the GIL
cores: 2
switch_interval: 200us
counter = counter + one() reads the counter, then calls one().  The call is
an eval-breaker point, so a thread can be forced to drop the GIL after the
read and before the write; when it gets the GIL back it stores a stale value.
This loses updates even with the GIL and the default preempt: breaker, as in
CPython 3.11 (the plain counter += 1 in the same loop does not).
"""
import threading

N = 50_000
counter = 0

def one():
    return 1

def worker():
    global counter
    for _ in range(N):
        counter = counter + one()

threads = [threading.Thread(target=worker) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(f"counter = {counter} (expected {4 * N})")
print("lost updates:", counter < 4 * N)
