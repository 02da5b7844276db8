"""
title: Event and Semaphore: a start signal and a limit
cores: 2
Six downloader threads wait on a threading.Event until the main thread
sets it: one set() releases all of them at once.  Then a Semaphore(2)
lets at most two of them download at a time (say the server allows two
connections): the others block in `with slots:` until a slot frees.  Six
downloads of 0.1 s, two at a time, take three rounds.
"""
import threading
import time

go = threading.Event()
slots = threading.Semaphore(2)
lock = threading.Lock()
active = 0
most = 0

def downloader(name):
    global active, most
    go.wait()                          # blocked until main says go
    with slots:                        # at most two inside
        with lock:
            active += 1
            most = max(most, active)
        time.sleep(0.1)                # the download
        with lock:
            active -= 1

threads = [threading.Thread(target=downloader, args=(f"d{i}",), name=f"d{i}") for i in range(6)]
for t in threads:
    t.start()
time.sleep(0.05)                       # everybody is waiting at the start line
start = time.perf_counter()
go.set()
for t in threads:
    t.join()
print(f"6 downloads, at most {most} at a time: {time.perf_counter() - start:.1f} s")
