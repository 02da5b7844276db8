"""
title: Amdahl's law: the serial part sets the limit
cores: 4
gil: off                # free-threaded, so the threads can use every core
A job with a serial part (reading the input, one thread) and a parallel
part (the number crunching, split evenly over one thread per core).  One
quarter of the single-core time is serial.  More cores shrink only the
parallel part, so the speedup can never pass 1 / (serial fraction) = 4,
however many cores there are.  Compare core counts in the REPL:
`compare cores=1,2,4,8`.
"""
import os
import threading
import time

SERIAL = 200_000
PARALLEL = 600_000

def count_down(n):
    while n > 0:
        n -= 1

start = time.perf_counter()
count_down(SERIAL)                               # the serial part
serial = time.perf_counter() - start

workers = os.cpu_count()
threads = [threading.Thread(target=count_down, args=(PARALLEL // workers,)) for _ in range(workers)]
for t in threads:
    t.start()
for t in threads:
    t.join()
total = time.perf_counter() - start
print(f"{workers} cores: serial part {serial * 1000:.1f} ms, total {total * 1000:.1f} ms")
