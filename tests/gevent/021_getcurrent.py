# gevent.getcurrent(): the main greenlet vs spawned Greenlets, and the hub
import gevent
from gevent import Greenlet

main = gevent.getcurrent()
print("main is a Greenlet?", isinstance(main, Greenlet), "| type:", type(main).__name__)
hub = gevent.get_hub()
print("hub is a different greenlet:", hub is not main, "| main's parent is the hub:", main.parent is hub)
seen = {}


def who(name):
    me = gevent.getcurrent()
    seen[name] = me
    gevent.sleep(0)
    return me is gevent.getcurrent()


gs = [gevent.spawn(who, n) for n in ("a", "b")]
gevent.joinall(gs)
print("getcurrent() inside is the Greenlet object:", seen["a"] is gs[0], seen["b"] is gs[1])
print("stable across switches:", [g.value for g in gs])
print("spawned greenlets' parent is the hub:", gs[0].parent is hub)
print("back in main:", gevent.getcurrent() is main)


class Worker(Greenlet):
    def _run(self):
        return gevent.getcurrent() is self


print("subclass sees itself:", Worker.spawn().get())
