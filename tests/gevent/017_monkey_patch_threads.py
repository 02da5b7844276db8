# monkey.patch_all(): the same threaded program becomes cooperative. threading
# threads are greenlets, time.sleep yields to the hub, queue.Queue cooperates.
from gevent import monkey

monkey.patch_all()

import queue
import threading
import time

import gevent

print("patched:", monkey.is_module_patched("threading"), monkey.is_module_patched("time"), monkey.is_module_patched("queue"))
print("time.sleep is gevent.sleep:", time.sleep is gevent.sleep)

results = queue.Queue()
lock = threading.Lock()
counter = 0


def download(name, delay):
    global counter
    print(f"{name}: start")
    time.sleep(delay)
    with lock:
        counter += 1
    results.put((name, delay))
    print(f"{name}: done")


threads = [threading.Thread(target=download, args=(f"t{i}", d)) for i, d in enumerate([0.3, 0.1, 0.2])]
start = time.time()
for t in threads:
    t.start()
print("all started")
for t in threads:
    t.join()
print("elapsed about", round(time.time() - start, 1), "s (sleeps overlapped)")
print("finish order:", [results.get()[0] for _ in range(3)], "counter:", counter)
print("current thread is a greenlet:", isinstance(threading.current_thread().ident, int), gevent.getcurrent() is not None)


def spin_then_print(name):
    for i in range(2):
        print(f"{name} step {i}")
        time.sleep(0)


ts = [threading.Thread(target=spin_then_print, args=(n,)) for n in ("A", "B")]
for t in ts:
    t.start()
for t in ts:
    t.join()
q = queue.Queue()
try:
    q.get(timeout=0.05)
except queue.Empty:
    print("patched queue.Empty raised after the timeout")
