# Timers with equal deadlines: gevent (libev) does not promise FIFO.
# - sleep(t) called from greenlets that the hub is running from its callback
#   queue: starting each timer refreshes the loop's clock, so the deadlines
#   differ and they fire in call order.
# - spawn_later(t) called several times in a row from the main greenlet after
#   it was resumed by a timer: the loop's clock is not refreshed, the deadlines
#   are equal, and they fire in libev's 4-ary-heap order (pinned here as
#   observed with libev under gevent 22.10.2).
import gevent

order = []


def nap(i):
    gevent.sleep(0.05)
    order.append(i)


gevent.joinall([gevent.spawn(nap, i) for i in range(4)])
print("sleep(0.05) in four greenlets:", order)

order.clear()
gevent.sleep(0.01)
gevent.joinall([gevent.spawn_later(0.05, order.append, i) for i in range(3)])
print("three spawn_later(0.05) in a row:", order)

order.clear()
gevent.sleep(0.01)
gevent.joinall([gevent.spawn_later(0.05, order.append, i) for i in range(5)])
print("five spawn_later(0.05) in a row:", order)

order.clear()
gevent.sleep(0.01)
gevent.joinall([gevent.spawn_later(0.05 + 0.01 * i, order.append, i) for i in range(5)])
print("distinct delays fire in deadline order:", order)
