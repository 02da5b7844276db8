"""
title: A Thread subclass overrides run()
cores: 2
Subclassing Thread and overriding run() is the other way to give a thread
its work.  start() calls run() in the new thread; the result is kept on the
object and read after join().  The name passed to __init__ is kept.
"""
# parity: python3
import threading

class Summer(threading.Thread):
    def __init__(self, lo, hi):
        super().__init__(name=f"sum-{lo}-{hi}")
        self.lo = lo
        self.hi = hi
        self.total = None

    def run(self):
        total = 0
        for i in range(self.lo, self.hi):
            total += i
        self.total = total
        self.ran_in = threading.current_thread().name

workers = [Summer(0, 5000), Summer(5000, 10000)]
print("alive before start:", [w.is_alive() for w in workers])
for w in workers:
    w.start()
for w in workers:
    w.join()
print("alive after join:", [w.is_alive() for w in workers])
for w in workers:
    print(w.name, w.total, "ran in", w.ran_in)
print("total:", sum(w.total for w in workers), "==", sum(range(10000)))
print("main thread:", threading.current_thread().name)
