"""
title: ThreadPoolExecutor with as_completed: results in finishing order
cores: 2
Four tasks that sleep 40, 10, 30 and 20 ms go to a pool of 4 threads.
as_completed() yields each future as it finishes - shortest sleep first -
while the futures list keeps submission order.  Everything overlaps, so the
whole batch takes ~40 ms.
"""
import time
from concurrent.futures import ThreadPoolExecutor, as_completed

def task(name, delay):
    time.sleep(delay)
    return f"{name} slept {delay * 1000:.0f} ms"

jobs = [("a", 0.04), ("b", 0.01), ("c", 0.03), ("d", 0.02)]
start = time.perf_counter()
with ThreadPoolExecutor(max_workers=4) as pool:
    futures = [pool.submit(task, name, delay) for name, delay in jobs]
    for fut in as_completed(futures):
        print(f"{time.perf_counter() - start:.3f} s  {fut.result()}")
print("in submission order:", [f.result()[0] for f in futures])
print(f"total: {time.perf_counter() - start:.3f} s")
