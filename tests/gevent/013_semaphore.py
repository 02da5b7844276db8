# gevent.lock.Semaphore / BoundedSemaphore: at most two downloads at once
import gevent
from gevent.lock import Semaphore, BoundedSemaphore

sem = BoundedSemaphore(2)
active = []


def download(name, duration):
    with sem:
        active.append(name)
        print(f"{name} starts, active={active}, counter={sem.counter}")
        gevent.sleep(duration)
        active.remove(name)
        print(f"{name} ends")


gevent.joinall([gevent.spawn(download, n, d) for n, d in [("a", 0.2), ("b", 0.1), ("c", 0.2), ("d", 0.05)]])
print("counter back to", sem.counter)
try:
    sem.release()
except ValueError as e:
    print("BoundedSemaphore over-release: ValueError:", e)
plain = Semaphore(1)
plain.release()
print("plain Semaphore can exceed its start:", plain.counter)
s = Semaphore(0)
print("acquire(blocking=False) at zero:", s.acquire(blocking=False))
print("acquire(timeout) at zero:", s.acquire(timeout=0.05))
gevent.spawn_later(0.05, s.release)
print("acquire after a later release:", s.acquire(), "locked:", s.locked())
one = Semaphore(1)
order = []


def greedy(name):
    for _ in range(2):
        with one:
            order.append(name)
            gevent.sleep(0)


gevent.joinall([gevent.spawn(greedy, "x"), gevent.spawn(greedy, "y")])
print("release then re-acquire order:", "".join(order))
