"""
title: Two CPU-bound threads take turns holding the GIL
cores: 2
switch_interval: 5ms
op_cost: 20ns           # slower ops, so each countdown takes ~27 ms
Two threads count down at once on two cores.  Only the GIL holder runs
bytecode: the waiter asks for a drop after one switch interval, so the two
threads alternate in ~5 ms slices and the total is about the sum of both.
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
