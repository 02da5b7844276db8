"""
title: A lock makes the read-modify-write atomic
cores: 2
The same four threads as the race, but each update happens while holding a
threading.Lock, so no update is lost, under the GIL or without it
(`--gil off`).  Every 10,000 updates a thread also saves a checkpoint while
it still holds the lock (time.sleep stands in for the write).  While it
waits, the GIL goes to another thread, which reaches `with lock:` and
blocks (- blocked) until the checkpoint is written and the lock released.
The price of a lock: the threads wait for each other, and for as long as
the holder keeps it.
"""
import threading
import time

counter = 0
lock = threading.Lock()

def one():
    return 1

def save_checkpoint():
    time.sleep(0.001)        # writing to disk: the GIL is released, the lock is not

def work(n):
    global counter
    for i in range(n):
        with lock:
            counter = counter + one()
            if i % 10_000 == 0:
                save_checkpoint()

threads = [threading.Thread(target=work, args=(50_000,)) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(f"counter = {counter} (expected {4 * 50_000})")
