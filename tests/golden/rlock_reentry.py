"""
title: An RLock can be re-acquired by the thread that holds it
cores: 2
A recursive function takes the same RLock at every level: the owner may
acquire it again and must release it as many times.  Another thread that
wants it waits until the outermost release.  A plain Lock taken twice by
one thread would block forever (acquire(timeout=...) shows it gives up).
"""
# parity: python3
import threading
import time

rlock = threading.RLock()
log = []

def depth(n):
    with rlock:
        log.append(("enter", n))
        if n > 0:
            depth(n - 1)
        if n == 0:
            time.sleep(0.02)
        log.append(("leave", n))

def other():
    with rlock:
        log.append(("other", 0))

t1 = threading.Thread(target=depth, args=(3,))
t2 = threading.Thread(target=other)
t1.start()
time.sleep(0.01)
t2.start()
t1.join()
t2.join()
for entry in log:
    print(*entry)

plain = threading.Lock()
plain.acquire()
print("second acquire of a plain Lock:", plain.acquire(timeout=0.05))
plain.release()
print("RLock reacquired:", rlock.acquire(), rlock.acquire())
rlock.release()
rlock.release()
