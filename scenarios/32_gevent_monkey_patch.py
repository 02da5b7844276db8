"""
title: gevent: monkey-patching makes a threaded program cooperative
cores: 2
An ordinary threaded program - threading.Thread, time.sleep, queue.Queue -
with one line added at the top: gevent.monkey.patch_all().  It replaces
the blocking parts of the standard library with gevent's: each Thread is
now a greenlet, time.sleep is gevent.sleep, the queue is gevent's.  All
four "threads" run in the main thread, one at a time, switching only
where one of them blocks; the downloads still overlap, because each spends
its time waiting.  The patch must come first, before the program imports
what it patches.  Delete the two monkey lines and the same program runs on
four real threads.
"""
from gevent import monkey
monkey.patch_all()                         # first: before threading, time and queue are used

import queue
import threading
import time

PAGES = [("a.html", 0.3), ("b.html", 0.1), ("c.html", 0.4), ("d.html", 0.2)]

def download(url, seconds, results):
    print(f"{url}: request sent")
    time.sleep(seconds)                    # the network; patched, it lets the others run
    results.put((url, seconds))

def main():
    results = queue.Queue()
    start = time.perf_counter()
    threads = [threading.Thread(target=download, args=(url, seconds, results))
               for url, seconds in PAGES]
    for t in threads:
        t.start()
    for _ in threads:
        url, seconds = results.get()       # waits for the next page to arrive
        print(f"{time.perf_counter() - start:.1f} s: got {url} ({seconds} s)")
    for t in threads:
        t.join()
    total = sum(seconds for _, seconds in PAGES)
    print(f"{len(PAGES)} pages in {time.perf_counter() - start:.1f} s (one after another: {total:.1f} s)")

main()
