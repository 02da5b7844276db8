"""
title: counter += 1 is not atomic (preempt: every_op)
cores: 2
preempt: every_op        # check for a GIL drop request after every bytecode op
switch_interval: 100us
counter += 1 is a load, an add and a store.  CPython only checks for a GIL
drop request at backward jumps and calls, so in 3.11 this loop never loses an
update; with preempt: every_op the simulator may switch between the load and
the store, and two threads then write back the same value: updates are lost.
"""
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
print("lost updates:", counter < 4 * N)
