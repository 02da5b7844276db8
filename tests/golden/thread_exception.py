"""
title: An exception in a thread is printed, and the program goes on
cores: 2
An uncaught exception ends only the thread it was raised in: threading
prints "Exception in thread NAME:" and the traceback on stderr, join()
returns normally, and the main thread carries on to exit status 0.
"""
# parity: python3
import threading

def divide(a, b):
    return a / b

def worker(b):
    result = divide(10, b)
    print("result", result)

bad = threading.Thread(target=worker, args=(0,), name="bad-worker")
bad.start()
bad.join()
good = threading.Thread(target=worker, args=(4,), name="good-worker")
good.start()
good.join()
print("main carries on; bad alive?", bad.is_alive())
