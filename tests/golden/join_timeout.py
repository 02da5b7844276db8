"""
title: join(timeout) returns after the timeout; the thread keeps running
cores: 2
A worker sleeps 200 ms.  join(timeout=0.05) gives up after 50 ms and
returns None; is_alive() then tells whether the thread really ended.  A
second join() without a timeout waits for the rest.
"""
import threading
import time

def slow():
    time.sleep(0.2)

start = time.perf_counter()
t = threading.Thread(target=slow)
t.start()
r = t.join(timeout=0.05)
print(f"join(0.05) returned {r} at {time.perf_counter() - start:.3f} s; alive: {t.is_alive()}")
t.join()
print(f"join() returned at {time.perf_counter() - start:.3f} s; alive: {t.is_alive()}")
