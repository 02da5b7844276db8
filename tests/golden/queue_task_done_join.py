"""
title: queue.Queue with task_done() and join()
cores: 2
The main thread puts 10 jobs on a bounded Queue(3); two daemon worker threads
take them, spend 5 ms on each, and call task_done().  q.join() returns when
every job is done; the workers are daemons, so they do not keep the program
alive afterwards.
"""
# parity: python3
import queue
import threading
import time

q = queue.Queue(maxsize=3)
done = []
lock = threading.Lock()

def worker():
    while True:
        job = q.get()
        time.sleep(0.005)
        with lock:
            done.append(job * job)
        q.task_done()

for _ in range(2):
    threading.Thread(target=worker, daemon=True).start()

for job in range(10):
    q.put(job)
q.join()
print("jobs done:", len(done))
print("sum of squares:", sum(done))
print("queue empty:", q.empty())
