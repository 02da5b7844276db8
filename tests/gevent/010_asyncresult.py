# gevent.event.AsyncResult: a one-shot value or exception handed between greenlets
import gevent
from gevent.event import AsyncResult

result = AsyncResult()


def compute(ar):
    gevent.sleep(0.1)
    ar.set(6 * 7)


def consumer(name, ar):
    print(f"{name} got {ar.get()}")


gevent.spawn(compute, result)
gevent.joinall([gevent.spawn(consumer, "c1", result), gevent.spawn(consumer, "c2", result)])
print("ready:", result.ready(), "successful:", result.successful(), "value:", result.value)

failed = AsyncResult()
gevent.spawn_later(0.05, failed.set_exception, KeyError("config"))
try:
    failed.get()
except KeyError as e:
    print("get() raised KeyError", e)
print("failed: ready", failed.ready(), "successful", failed.successful(), "exception", repr(failed.exception))

pending = AsyncResult()
try:
    pending.get(timeout=0.05)
except gevent.Timeout:
    print("get(timeout) raised Timeout")
try:
    pending.get(block=False)
except gevent.Timeout:
    print("get(block=False) raised Timeout")
print("get_nowait style via wait(0):", pending.wait(0))
pending.set("late")
print("after set:", pending.get(), pending.wait())
greenlet_as_source = gevent.spawn(lambda: "from a greenlet")
linked = AsyncResult()
greenlet_as_source.link(linked)
print("linked to a greenlet:", linked.get())
