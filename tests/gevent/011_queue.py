# gevent.queue.Queue: producer/consumer, bounded puts, Empty and Full
import gevent
from gevent.queue import Queue, Empty, Full

tasks = Queue()


def worker(name):
    while True:
        try:
            job = tasks.get(timeout=0.2)
        except Empty:
            print(f"{name}: queue idle, quitting")
            return
        print(f"{name}: job {job}")
        gevent.sleep(0.01 * job)


def boss():
    for job in range(1, 7):
        tasks.put(job)
    print("boss: queued 6 jobs")


gevent.joinall([gevent.spawn(boss), gevent.spawn(worker, "steve"), gevent.spawn(worker, "john")])

small = Queue(maxsize=2)
small.put_nowait("a")
small.put_nowait("b")
try:
    small.put_nowait("c")
except Full:
    print("put_nowait on a full queue: Full")
try:
    small.put("c", timeout=0.05)
except Full:
    print("put with timeout on a full queue: Full")
print("qsize", small.qsize(), "full", small.full(), "empty", small.empty(), "maxsize", small.maxsize)
print("get_nowait:", small.get_nowait(), small.get_nowait())
try:
    small.get_nowait()
except Empty:
    print("get_nowait on an empty queue: Empty")
print("peek after put:", (small.put("x"), small.peek())[1], "still there:", small.qsize())


def slow_consumer(q, out):
    for item in q:
        out.append(item)
        gevent.sleep(0.01)


q = Queue(1)
out = []
c = gevent.spawn(slow_consumer, q, out)
for item in ["p", "q", "r", StopIteration]:
    q.put(item)
c.join()
print("iteration ends at StopIteration:", out)
print("Empty/Full are the stdlib ones:", Empty.__module__, Full.__module__)
