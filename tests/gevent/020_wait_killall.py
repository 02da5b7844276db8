# gevent.wait (all, count, timeout) and gevent.killall
import gevent


def job(name, delay):
    gevent.sleep(delay)
    return name


jobs = [gevent.spawn(job, n, d) for n, d in [("a", 0.3), ("b", 0.1), ("c", 0.2)]]
first = gevent.wait(jobs, count=1)
print("first to finish:", [g.value for g in first])
two = gevent.wait(jobs, count=2)
print("two finished:", sorted(g.value for g in two))
print("wait with timeout:", len(gevent.wait(jobs, timeout=0.01)), "ready now")
gevent.wait(jobs)
print("all done:", [g.value for g in jobs])

stragglers = [gevent.spawn(job, f"s{i}", 5) for i in range(3)]
gevent.sleep(0.01)
gevent.killall(stragglers)
print("killall:", [g.dead for g in stragglers], [type(g.value).__name__ for g in stragglers])
late = [gevent.spawn(job, "late", 5)]
gevent.killall(late, block=False)
print("killall(block=False) returns before they die:", late[0].dead)
gevent.sleep(0)
print("after a switch:", late[0].dead)
gevent.spawn_later(0.05, lambda: None)
print("gevent.wait() with no objects waits for the whole loop:", gevent.wait())
