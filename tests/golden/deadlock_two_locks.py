"""
title: Two threads take two locks in opposite order and deadlock
cores: 2
T1 takes lock_a then lock_b; T2 takes lock_b then lock_a.  Each sleeps 10 ms
between its two acquires, so each holds one lock and waits for the other.
No task can ever proceed: the simulator stops the run, names the wait-for
cycle and exits with status 3.  (python3 would hang forever here.)
"""
import threading
import time

lock_a = threading.Lock()
lock_b = threading.Lock()

def first_a_then_b():
    with lock_a:
        time.sleep(0.01)
        with lock_b:
            print("T1 has both locks")

def first_b_then_a():
    with lock_b:
        time.sleep(0.01)
        with lock_a:
            print("T2 has both locks")

t1 = threading.Thread(target=first_a_then_b, name="T1")
t2 = threading.Thread(target=first_b_then_a, name="T2")
t1.start()
t2.start()
print("both started")
t1.join()
t2.join()
print("never reached")
