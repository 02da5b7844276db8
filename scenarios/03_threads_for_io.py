"""
title: Threads for I/O: waiting overlaps
cores: 1
Four "downloads", each of which mostly waits (time.sleep stands in for the
network).  Done one after another they take four times as long as one.
Done in four threads they overlap: a thread that waits releases the GIL and
needs no core, so the others run meanwhile.  Even on a single core, and with
the GIL, threads are a good fit for work that waits.
"""
import threading
import time

def download(name):
    time.sleep(0.2)          # waiting for the network: no core, no GIL

start = time.perf_counter()
for i in range(4):
    download(f"file{i}")
print(f"4 downloads one after another: {time.perf_counter() - start:.1f} s")

start = time.perf_counter()
threads = [threading.Thread(target=download, args=(f"file{i}",)) for i in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(f"4 downloads in 4 threads: {time.perf_counter() - start:.1f} s")
