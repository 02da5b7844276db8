# kill() raises GreenletExit inside the greenlet; link callbacks run when it ends.
# Greenlets that end with an exception other than GreenletExit print gevent's
# failure report to stderr (timestamp and address: ignore-stderr).  The ticks
# and the main greenlet's wake-up are a tenth of a second apart, so gevent on
# a loaded machine, running late, still sees the same number of ticks.
import gevent
from gevent import GreenletExit

events = []


def service(name):
    try:
        while True:
            gevent.sleep(0.2)
            events.append(f"{name} tick")
    except GreenletExit:
        print(f"{name}: got GreenletExit, cleaning up")
        raise
    finally:
        print(f"{name}: finally")


def on_done(g):
    print(f"link: {g.name.split('-')[0]} finished, successful={g.successful()}, value={g.value!r}")


s = gevent.spawn(service, "svc")
s.link(on_done)
gevent.sleep(0.5)
print("ticks so far:", events)
s.kill()
print("after kill: dead", s.dead, "successful", s.successful(), "value type", type(s.value).__name__)

t = gevent.spawn(service, "svc2")
gevent.sleep(0.07)
t.kill(exception=RuntimeError("shutdown requested"), block=True)
print("killed with custom exception:", repr(t.exception))

ok = gevent.spawn(lambda: "fine")
ok.link_value(lambda g: print("link_value sees", g.value))
ok.link_exception(lambda g: print("never called for success"))
bad = gevent.spawn(lambda: 1 / 0)
bad.link_exception(lambda g: print("link_exception sees", type(g.exception).__name__))
gevent.joinall([ok, bad])
gevent.sleep(0)

never = gevent.spawn(service, "never-started")
never.kill()
print("killed before it ran: dead", never.dead, "exception", never.exception)
workers = [gevent.spawn(service, f"w{i}") for i in range(2)]
gevent.sleep(0.01)
gevent.killall(workers)
print("killall: all dead", all(w.dead for w in workers))
