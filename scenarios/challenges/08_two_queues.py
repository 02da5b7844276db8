"""
title: Nothing left to take
cores: 1
goal: deadlock
hint: A worker looks at the job queue, sees work, and only then takes it.  What if two workers see the same last job?
hint: When one job is left, let both workers pass the `while not jobs.empty()` check before either calls get().
explain: Both workers saw the last job; one took it, and the other waits in jobs.get() for a job that will never come.  The main thread then waits forever to join it.
explain: empty() tells you about the past.  Take work with get() and stop on a sentinel (one None per worker), or use get_nowait() and catch queue.Empty.

Two workers take jobs from one queue and put their results on another.
The main thread reads the results, then waits for the workers to finish.
Make it wait forever.
"""
import queue
import threading

jobs = queue.Queue()
results = queue.Queue()


def worker():
    while not jobs.empty():
        n = jobs.get()
        results.put(n * n)


for n in range(3):
    jobs.put(n)
workers = [threading.Thread(target=worker) for _ in range(2)]
for w in workers:
    w.start()
print(sorted(results.get() for _ in range(3)))
for w in workers:
    w.join()
