"""
title: Lock ordering, and a timeout that notices a deadlock
cores: 2
The two philosophers of the deadlock scenario again.  First, Kant gives up
waiting: acquire(timeout=...) returns False instead of blocking forever, so
he puts his first lock down, waits a little and tries again - the program
survives, but only because somebody backed off.  Then the real fix: both
take the locks in one global order (fork before knife), and no cycle of
waiting can form.
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

def polite_kant():
    while True:
        with knife:
            time.sleep(0.01)
            if fork.acquire(timeout=0.05):
                print("Kant eats")
                fork.release()
                return
            print("Kant timed out waiting for the fork: he puts the knife down")
        time.sleep(0.02)

def ordered_kant():
    with fork:                 # the same order as Plato: fork, then knife
        time.sleep(0.01)
        with knife:
            print("Kant eats")

for kant in (polite_kant, ordered_kant):
    start = time.perf_counter()
    t1 = threading.Thread(target=plato, name="Plato")
    t2 = threading.Thread(target=kant, name="Kant")
    t1.start()
    t2.start()
    t1.join()
    t2.join()
    print(f"{kant.__name__}: dinner is over after {(time.perf_counter() - start) * 1000:.0f} ms")
