# LoopExit: waiting on something nobody can ever satisfy, with no timers left.
# The exception's str() continues with a hub description containing addresses,
# so only args[0] is printed.
import gevent
from gevent.event import Event
from gevent.queue import Queue
from gevent.exceptions import LoopExit

never = Event()
try:
    never.wait()
except LoopExit as e:
    print("Event.wait:", type(e).__name__, "-", e.args[0])
try:
    Queue().get()
except LoopExit as e:
    print("Queue.get:", e.args[0])
g = gevent.spawn(never.wait)
try:
    g.join()
    print("join returned; greenlet dead?", g.dead)
except LoopExit as e:
    print("join on a blocked greenlet:", e.args[0])
try:
    gevent.joinall([gevent.spawn(Queue().get)])
    print("joinall returned")
except LoopExit as e:
    print("joinall:", e.args[0])
print("a timer keeps the loop alive:", never.wait(timeout=0.05))
print("LoopExit is an Exception:", issubclass(LoopExit, Exception), "| in gevent namespace:", gevent.hub.LoopExit is LoopExit)
