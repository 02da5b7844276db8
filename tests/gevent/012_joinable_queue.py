# JoinableQueue: workers call task_done(); join() waits until every item is done.
# The first three items end 0.2 s apart on timers set at once, so their order
# holds even when gevent on a loaded machine runs late.
import gevent
from gevent.queue import JoinableQueue

jobs = JoinableQueue()
processed = []


def worker(name):
    while True:
        item = jobs.get()
        try:
            gevent.sleep(0.1 * item)
            processed.append((item, name))
        finally:
            jobs.task_done()


workers = [gevent.spawn(worker, f"w{i}") for i in range(3)]
for item in [1, 3, 5, 6, 4, 2]:
    jobs.put(item)
print("unfinished tasks:", jobs.unfinished_tasks)
jobs.join()
print("join() returned; unfinished:", jobs.unfinished_tasks)
print("processed items:", sorted(i for i, _ in processed))
print("first three finished:", [i for i, _ in processed[:3]])
gevent.killall(workers)
print("workers killed:", all(w.dead for w in workers))
empty = JoinableQueue()
print("join on an empty queue returns at once:", empty.join(timeout=0.1))
pending = JoinableQueue()
pending.put("never done")
print("join with a timeout returns:", pending.join(timeout=0.05))
try:
    JoinableQueue().task_done()
except ValueError as e:
    print("ValueError:", e)
