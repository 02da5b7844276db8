"""
title: A lock makes the read-modify-write atomic
cores: 2
The same four threads as the race, but each update happens while holding a
threading.Lock.  A thread that loses the GIL inside the locked region keeps
the lock, so the others block on it (- blocked) instead of reading a stale
value.  No update is lost, under the GIL or without it (`--gil off`).  The
price: the threads now mostly wait for each other.
"""
import threading

counter = 0
lock = threading.Lock()

def one():
    return 1

def work(n):
    global counter
    for _ in range(n):
        with lock:
            counter = counter + one()

threads = [threading.Thread(target=work, args=(50_000,)) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(f"counter = {counter} (expected {4 * 50_000})")
