# gevent.event.Event: waiters wake in the order they started waiting
import gevent
from gevent.event import Event

ready = Event()


def waiter(name):
    print(f"{name} waiting")
    ready.wait()
    print(f"{name} proceeds")


def setter():
    gevent.sleep(0.1)
    print("setter: set()")
    ready.set()
    print("setter: set() returned without switching")


gevent.joinall([gevent.spawn(waiter, n) for n in ("w1", "w2", "w3")] + [gevent.spawn(setter)])
print("is_set:", ready.is_set(), "| wait on a set event returns:", ready.wait())
ready.clear()
print("cleared:", ready.is_set())
print("wait(timeout) on a clear event returns:", ready.wait(timeout=0.05))
flag = Event()
gevent.spawn_later(0.05, flag.set)
print("wait(timeout) that succeeds returns:", flag.wait(timeout=1))

stop = Event()
counter = [0]


def poller():
    while not stop.wait(timeout=0.1):
        counter[0] += 1
    print("poller stopped")


p = gevent.spawn(poller)
gevent.sleep(0.35)
stop.set()
p.join()
print("polls before stop:", counter[0])
