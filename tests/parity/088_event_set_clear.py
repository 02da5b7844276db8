# Event.wait() returns True once set() has woken it, even when clear()
# comes before the waiter runs again (CPython's wait returns what its
# Condition.wait said); a waiter that arrives after clear() would wait on.
import threading
import time

gate = threading.Event()
seen = []


def runner(name):
    seen.append((name, gate.wait()))


rs = [threading.Thread(target=runner, args=(n,)) for n in ("a", "b")]
for r in rs:
    r.start()
time.sleep(0.01)
gate.set()
gate.clear()
for r in rs:
    r.join()
print(sorted(seen))
print(gate.is_set(), gate.wait(0.001))
