# expect-stderr: :6:1: error:
# expect-stderr: module 'gevent.subprocess' is not supported by the simulator
# expect-stderr: the simulated gevent has: event, exceptions, greenlet, hub, lock, monkey, pool, queue, timeout
# expect-exit: 1
import gevent
import gevent.subprocess

print(gevent.subprocess.check_output(["ls"]))
