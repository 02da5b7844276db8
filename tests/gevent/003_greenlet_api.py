# The Greenlet object: construct, start, join, get, value, ready, successful, names
import gevent
from gevent import Greenlet


def square(n):
    gevent.sleep(0.05)
    return n * n


class Countdown(Greenlet):
    def __init__(self, n):
        Greenlet.__init__(self)
        self.n = n

    def _run(self):
        while self.n > 0:
            print("countdown", self.n)
            self.n -= 1
            gevent.sleep(0.01)
        return "liftoff"


g = Greenlet(square, 7)
print("created: started", g.started, "ready", g.ready(), "value", g.value)
g.start()
print("after start(): started", g.started, "ready", g.ready(), "bool", bool(g))
g.join()
print("after join(): ready", g.ready(), "successful", g.successful(), "value", g.value, "dead", g.dead)
print("get():", g.get(), "exception:", g.exception)

h = Greenlet.spawn(square, 12)
print("Greenlet.spawn then get():", h.get())
c = Countdown(3)
c.start()
print("subclass result:", c.get())
later = gevent.spawn(square, 3)
print("get(block=False) before it ran:", end=" ")
try:
    later.get(block=False)
except gevent.Timeout:
    print("Timeout")
print("join(timeout) too short returns None:", later.join(timeout=0.01), later.ready())
print("then:", later.get())
print("names:", Greenlet(square).name.split("-")[0], "has minimal_ident:", isinstance(g.minimal_ident, int))
print("args/kwargs:", g.args, g.kwargs)
