"""
title: Deadlock: two locks taken in opposite orders
cores: 2
Two threads each need both locks.  The first takes `fork` then `knife`; the
second takes `knife` then `fork`.  Each gets its first lock, sleeps a
moment, and then waits forever for the lock the other one holds.  The
simulator notices that no thread can ever proceed, names the cycle and
stops (exit status 3).  Under python3 this program simply hangs: press
Ctrl-C.
The fix: take locks in one global order (both threads `fork` first).
"""
import threading
import time

fork = threading.Lock()
knife = threading.Lock()

def plato():
    with fork:
        time.sleep(0.01)
        with knife:
            print("Plato eats")

def kant():
    with knife:
        time.sleep(0.01)
        with fork:
            print("Kant eats")

t1 = threading.Thread(target=plato, name="Plato")
t2 = threading.Thread(target=kant, name="Kant")
t1.start()
t2.start()
t1.join()
t2.join()
print("dinner is over")
