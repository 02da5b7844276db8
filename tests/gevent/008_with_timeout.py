# gevent.with_timeout: call a function, give up after a deadline
import gevent


def lookup(name, delay):
    gevent.sleep(delay)
    return f"{name} -> 10.0.0.{len(name)}"


print(gevent.with_timeout(0.5, lookup, "fast.example", 0.05))
try:
    gevent.with_timeout(0.1, lookup, "slow.example", 1)
except gevent.Timeout as t:
    print("Timeout:", t)
print("default value:", gevent.with_timeout(0.1, lookup, "slow.example", 1, timeout_value="<cached>"))
print("None as default:", gevent.with_timeout(0.1, lookup, "slow.example", 1, timeout_value=None))

results = {}


def resolve_all(names):
    for name, delay in names:
        results[name] = gevent.with_timeout(0.15, lookup, name, delay, timeout_value="timeout")


workers = [gevent.spawn(resolve_all, [("a.io", 0.05), ("bb.io", 0.3)]),
           gevent.spawn(resolve_all, [("ccc.io", 0.2), ("dddd.io", 0.01)])]
gevent.joinall(workers)
for name in sorted(results):
    print(f"{name:<8} {results[name]}")
