# spawn_later: start a greenlet after a delay; timers fire earliest first.  The
# delays are far enough apart that gevent on a loaded machine, running late,
# keeps the order the output shows.
import gevent

start_order = []


def remind(text):
    start_order.append(text)
    print("reminder:", text)
    return text.upper()


jobs = [
    gevent.spawn_later(0.9, remind, "stand-up"),
    gevent.spawn_later(0.3, remind, "coffee"),
    gevent.spawn_later(0.6, remind, "email"),
]
print("scheduled; started yet?", [g.started for g in jobs], "ready?", [g.ready() for g in jobs])
gevent.sleep(0.45)
print("after 0.45 s:", start_order)
gevent.joinall(jobs)
print("values:", [g.value for g in jobs])
cancelled = gevent.spawn_later(0.1, remind, "never")
cancelled.kill()
gevent.sleep(0.2)
print("killed before its time: ran?", "never" in start_order, "dead", cancelled.dead)
g = gevent.Greenlet(remind, "start_later")
g.start_later(0.05)
print("start_later result:", g.get())
