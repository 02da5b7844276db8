# gevent.Timeout: as a context manager, with start()/cancel(), silent, custom exception
import gevent
from gevent import Timeout


def slow_query(seconds):
    gevent.sleep(seconds)
    return f"rows after {seconds}"


try:
    with Timeout(0.1):
        print(slow_query(0.5))
except Timeout as t:
    print("Timeout caught:", t, "| is it our timer?", isinstance(t, Timeout))

with Timeout(0.5):
    print(slow_query(0.05))

with Timeout(0.1, False):
    slow_query(1)
    print("never printed")
print("Timeout(..., False) silently leaves the block")


class QueryTimeout(Exception):
    pass


try:
    with Timeout(0.1, QueryTimeout("database did not answer")):
        slow_query(1)
except QueryTimeout as e:
    print("custom exception:", e)

timer = Timeout(0.1)
timer.start()
try:
    slow_query(1)
except Timeout as t:
    print("started timer fired:", t is timer, "pending:", timer.pending)
timer = Timeout.start_new(0.2)
print("pending:", timer.pending, "seconds:", timer.seconds)
print(slow_query(0.05))
timer.cancel()
print("cancelled, pending:", timer.pending)
gevent.sleep(0.25)
print("a cancelled timer never fires")
print("BaseException, not Exception:", issubclass(Timeout, BaseException), issubclass(Timeout, Exception))
print("str forms:", str(Timeout(2)), "|", str(Timeout(0.5, False)), "|", str(Timeout(1, ValueError("x"))), "|", str(Timeout()))
