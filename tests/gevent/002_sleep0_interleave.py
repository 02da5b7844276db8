# gevent.sleep(0) yields to the hub and re-queues the greenlet behind the others:
# two greenlets interleave as 1A 2A 1B 2B (gevent's own documented order).
import gevent


def worker(n, steps):
    for step in "ABC"[:steps]:
        print(f"{n}{step}")
        gevent.sleep(0)


gevent.joinall([gevent.spawn(worker, 1, 2), gevent.spawn(worker, 2, 2)])
print("--- three greenlets, three steps")
gevent.joinall([gevent.spawn(worker, n, 3) for n in (1, 2, 3)])
print("--- uneven lengths")
gevent.joinall([gevent.spawn(worker, 1, 1), gevent.spawn(worker, 2, 3), gevent.spawn(worker, 3, 2)])
print("--- main greenlet joins in with sleep(0)")
g = gevent.spawn(worker, 9, 3)
for step in "xyz":
    print(f"main {step}")
    gevent.sleep(0)
g.join()
print("--- a greenlet without any yield runs to completion")


def greedy(label):
    for i in range(3):
        print(label, i)


gevent.joinall([gevent.spawn(greedy, "g1"), gevent.spawn(greedy, "g2")])
