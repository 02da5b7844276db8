# No preemption: a CPU-bound greenlet starves timers and other greenlets until
# it yields. Only the order of events is printed, never times.
import time
import gevent

events = []


def spin(seconds):
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        pass


def cruncher(name, seconds, yield_with=None):
    events.append(f"{name} starts")
    if yield_with is None:
        spin(seconds)
    else:
        end = time.perf_counter() + seconds
        while time.perf_counter() < end:
            spin(0.01)
            yield_with()
    events.append(f"{name} ends")


def ticker():
    for i in range(3):
        gevent.sleep(0.05)
        events.append(f"tick {i}")


gevent.joinall([gevent.spawn(ticker), gevent.spawn(cruncher, "greedy", 0.2)])
print(" | ".join(events))
events.clear()
timer = gevent.spawn_later(0.05, events.append, "timer fired")
gevent.spawn(cruncher, "greedy", 0.15).join()
timer.join()
print(" | ".join(events))

# sleep(0) only re-queues the greenlet as a loop callback. The hub runs the
# whole callback queue before polling; it looks at the clock only every 50
# callbacks, so 25 yields 10 ms apart never let the timers in.
events.clear()
gevent.joinall([gevent.spawn(ticker), gevent.spawn(cruncher, "sleep(0)", 0.25, lambda: gevent.sleep(0))])
print(" | ".join(events))
events.clear()
gevent.joinall([gevent.spawn(ticker), gevent.spawn(cruncher, "idle()", 0.2, gevent.idle)])
print("with gevent.idle(), tick 0 comes before the end:", events.index("tick 0") < events.index("idle() ends"))
events.clear()
gevent.joinall([gevent.spawn(ticker), gevent.spawn(cruncher, "sleep(0.001)", 0.2, lambda: gevent.sleep(0.001))])
print("with sleep(0.001), tick 0 comes before the end:", events.index("tick 0") < events.index("sleep(0.001) ends"))
