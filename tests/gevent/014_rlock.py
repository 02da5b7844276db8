# gevent.lock.RLock is re-entrant for its owner; other greenlets wait
import gevent
from gevent.lock import RLock

lock = RLock()
log = []


def transfer(name, depth):
    with lock:
        log.append(f"{name} enter {depth}")
        if depth < 3:
            transfer(name, depth + 1)
        gevent.sleep(0.01)
        log.append(f"{name} leave {depth}")


gevent.joinall([gevent.spawn(transfer, "a", 1), gevent.spawn(transfer, "b", 1)])
for line in log:
    print(line)
print("acquire twice without blocking:", lock.acquire(), lock.acquire(blocking=False))
lock.release()
lock.release()
print("released twice")
try:
    lock.release()
except RuntimeError as e:
    print("RuntimeError:", str(e).split(" Owner:")[0], "(the message goes on with the owner and current greenlet reprs)")


def other():
    return lock.acquire(blocking=False)


lock.acquire()
g = gevent.spawn(other)
print("another greenlet cannot take a held RLock:", g.get())
lock.release()
print("after release it can:", gevent.spawn(other).get())
