# An uncaught exception inside a greenlet does not propagate to the spawner:
# gevent prints a traceback and "<Greenlet at 0x...: name(args)> failed with
# ValueError" to stderr (with a timestamp and an address, so stderr is not
# recorded here: ignore-stderr), and the greenlet keeps the exception; get()
# re-raises it.
import gevent


def parse(text):
    gevent.sleep(0.01)
    return int(text)


good = gevent.spawn(parse, "42")
bad = gevent.spawn(parse, "forty-two")
gevent.joinall([good, bad])
print("joinall does not raise")
print("good:", good.successful(), good.value, good.exception)
print("bad:", bad.successful(), bad.value, repr(bad.exception))
print("bad is ready and dead:", bad.ready(), bad.dead)
try:
    bad.get()
except ValueError as e:
    print("get() re-raised:", e)
try:
    gevent.joinall([gevent.spawn(parse, "x")], raise_error=True)
except ValueError as e:
    print("joinall(raise_error=True) raised:", e)
results = []
for text in ["1", "two", "3"]:
    g = gevent.spawn(parse, text)
    g.join()
    results.append(g.value if g.successful() else type(g.exception).__name__)
print("results:", results)
print("program continues normally")
