"""
title: With jitter, the seed picks one of many possible orders (seed 2)
cores: 2
switch_interval: 500us
op_cost: 30ns            # fine-grained, so 20% jitter on it is not rounded away
jitter: 0.2
seed: 2
Four CPU-bound threads wait for a common start signal, then each runs three
equal rounds of work and notes when it finishes a round.  Without jitter the
GIL goes to waiters in FIFO order and the order is fixed; with jitter: 0.2
each thread's op costs and the wake-up latencies vary and the GIL goes to a
random waiter, all drawn from the seed.  jitter_seed1 is this program
with seed 1 and prints a different order; the same seed always gives
the same order.
"""
import threading

go = threading.Event()
order = []

def worker(name):
    go.wait()
    for rnd in range(3):
        n = 0
        for _ in range(5000):
            n += 1
        order.append(f"{name}{rnd}")

threads = [threading.Thread(target=worker, args=(name,)) for name in "ABCD"]
for t in threads:
    t.start()
go.set()
for t in threads:
    t.join()
print(" ".join(order))
