"""
title: Four threads sleep 1 s each at the same time
cores: 2
time.sleep releases the GIL and uses no core, so four threads that each
sleep one second overlap completely: the program takes about 1 s, not 4 s,
even with only two cores.
"""
import threading
import time

def nap(i):
    time.sleep(1.0)

start = time.perf_counter()
threads = [threading.Thread(target=nap, args=(i,)) for i in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
elapsed = time.perf_counter() - start
print(f"4 threads x 1 s sleep took {elapsed:.2f} s")
