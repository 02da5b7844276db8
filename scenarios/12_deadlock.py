"""
title: Deadlock: two locks taken in opposite orders
cores: 2
Two threads each need both locks.  The first takes `fork` then `knife`; the
second takes `knife` then `fork`.  Each gets its first lock, waits at a
Barrier until the other holds its first lock too, and then waits forever
for the lock the other one holds.  The simulator notices that no thread
can ever proceed, names the cycle and stops (exit status 3).  Under
python3 this program simply hangs: press Ctrl-C.
The fix: take locks in one global order (both threads `fork` first).
"""
import threading

fork = threading.Lock()
knife = threading.Lock()
both_holding = threading.Barrier(2)    # a deadlock every run, not just an unlucky one

def plato():
    with fork:
        both_holding.wait()            # until Kant has picked up the knife
        with knife:
            print("Plato eats")

def kant():
    with knife:
        both_holding.wait()            # until Plato has picked up the fork
        with fork:
            print("Kant eats")

t1 = threading.Thread(target=plato, name="Plato")
t2 = threading.Thread(target=kant, name="Kant")
t1.start()
t2.start()
t1.join()
t2.join()
print("dinner is over")
