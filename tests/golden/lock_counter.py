"""
title: A Lock makes a read-modify-write safe
cores: 2
switch_interval: 500us   # threads get switched out holding the lock
Four threads each add 1 to a shared counter 20,000 times with a read, a
call and a write, which loses updates unlocked (race_call_between_read_write).
Holding a Lock around it makes the result exact.
"""
# parity: python3
import threading

N = 20_000
counter = 0
lock = threading.Lock()

def one():
    return 1

def worker():
    global counter
    for _ in range(N):
        with lock:
            counter = counter + one()

threads = [threading.Thread(target=worker) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("counter =", counter)
print("expected =", 4 * N)
