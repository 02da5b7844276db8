"""
title: Event: waiters block until set(), a timed wait gives up
cores: 2
Three threads wait on an Event that the main thread sets after 50 ms; all
three wake together.  A fourth waits with a 20 ms timeout and gets False.
"""
# parity: python3
import threading
import time

ready = threading.Event()
results = {}

def waiter(name, timeout):
    results[name] = ready.wait(timeout)

threads = [threading.Thread(target=waiter, args=(f"w{i}", None)) for i in range(3)]
threads.append(threading.Thread(target=waiter, args=("impatient", 0.02)))
for t in threads:
    t.start()
time.sleep(0.05)
print("is_set before:", ready.is_set())
ready.set()
for t in threads:
    t.join()
print("is_set after:", ready.is_set())
for name in sorted(results):
    print(name, results[name])
