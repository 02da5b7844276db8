# gevent.pool.Group: an unbounded collection of greenlets: spawn, add, join, kill
import gevent
from gevent.pool import Group

group = Group()
done = []


def task(name, delay):
    gevent.sleep(delay)
    done.append(name)
    return name * 2


for name, delay in [("x", 0.15), ("y", 0.05), ("z", 0.1)]:
    group.spawn(task, name, delay)
print("greenlets in group:", len(group))
group.join()
print("finished order:", done, "group now empty:", len(group) == 0)
print("map:", group.map(lambda n: n * n, range(5)))
print("imap_unordered:", list(group.imap_unordered(lambda d: task(str(d), d / 10), [3, 1, 2])))
external = gevent.spawn(task, "ext", 0.05)
group.add(external)
print("added external greenlet:", external in group)
group.join()
sleepers = [group.spawn(gevent.sleep, 10) for _ in range(3)]
gevent.sleep(0)
group.kill()
print("kill() ends them all:", all(g.dead for g in sleepers), len(group))
g = group.spawn(task, "timeout", 1)
print("join(timeout) returns:", group.join(timeout=0.05))
group.killone(g)
print("killone:", g.dead)
