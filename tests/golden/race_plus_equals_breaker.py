"""
title: counter += 1 under the GIL in 3.11: no lost updates
cores: 2
switch_interval: 100us
As race_plus_equals_every_op, but with CPython's rule: the GIL is dropped
only at backward jumps and calls, never inside counter += 1, so 4 x 25,000
increments end at exactly 100,000, as in CPython 3.11.
"""
# parity: python3
import threading

N = 25_000
counter = 0

def worker():
    global counter
    for _ in range(N):
        counter += 1

threads = [threading.Thread(target=worker) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(f"counter = {counter} (expected {4 * N})")
