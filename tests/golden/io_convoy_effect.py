"""
title: The convoy effect: short I/O waits behind a CPU-bound thread
cores: 2
op_cost: 200ns           # slow ops keep the CPU-bound loop short (~250k laps)
An I/O-bound thread makes 50 short blocking calls (time.sleep(0.0005)).
Alone, that takes ~25 ms.  Next to a CPU-bound thread it takes ~10x longer:
each sleep releases the GIL, the CPU-bound thread takes it, and when the
sleep ends the I/O thread must wait a whole switch interval (5 ms) before
it can force the GIL back (bpo-7946).  Two cores do not help.
"""
import threading
import time

stop = False

def io_bound():
    for _ in range(50):
        time.sleep(0.0005)

def cpu_bound():
    n = 0
    while not stop:
        n += 1

def timed_io():
    t = threading.Thread(target=io_bound)
    start = time.perf_counter()
    t.start()
    t.join()
    return time.perf_counter() - start

alone = timed_io()

spinner = threading.Thread(target=cpu_bound)
spinner.start()
with_cpu = timed_io()
stop = True
spinner.join()

print(f"I/O thread alone:          {alone * 1000:6.1f} ms")
print(f"I/O thread next to CPU:    {with_cpu * 1000:6.1f} ms")
print(f"slowdown: {with_cpu / alone:.1f}x")
