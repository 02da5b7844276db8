"""
title: A Semaphore lets at most two workers in at once
cores: 4
Five workers each hold a Semaphore(2) for 100 ms.  Only two can be inside at
a time, so they go through in three waves: about 300 ms in all, and the
highest number inside at once is 2.
"""
import threading
import time

sem = threading.Semaphore(2)
guard = threading.Lock()
inside = 0
most = 0

def worker(i):
    global inside, most
    with sem:
        with guard:
            inside += 1
            most = max(most, inside)
        time.sleep(0.1)
        with guard:
            inside -= 1

start = time.perf_counter()
threads = [threading.Thread(target=worker, args=(i,)) for i in range(5)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("most inside at once:", most)
print(f"elapsed: {time.perf_counter() - start:.2f} s")
