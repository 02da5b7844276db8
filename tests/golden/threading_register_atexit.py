# parity: python3
import threading
from concurrent.futures import ThreadPoolExecutor

def bye(tag, n=0):
    print("atexit", tag, n, threading.current_thread().name)

threading._register_atexit(bye, "first")
threading._register_atexit(bye, "second", n=2)

def work(x):
    return x * x

with ThreadPoolExecutor(3) as ex:
    print(list(ex.map(work, range(5))))

ex2 = ThreadPoolExecutor(1)
fut = ex2.submit(work, 9)
print("main done")
raise SystemExit(3)
