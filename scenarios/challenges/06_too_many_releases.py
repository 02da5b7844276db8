"""
title: One release too many
cores: 1
goal: together 3 lines 27-28
hint: The pool lets at most two downloads in.  Look at what happens to it when a download fails.
hint: Let "b.txt" fail first: it releases the pool twice.  Then stop the other three inside, one at a time.
explain: A failed download releases the semaphore in its except clause and again in its finally clause, so the pool's count goes up by one for good: from then on three downloads can be inside at once.
explain: Release exactly once per acquire: with `with pool:` the release happens once, whatever happens inside.  A BoundedSemaphore would have raised ValueError at the extra release instead of hiding it.

A pool of two connections limits the downloads to two at a time.  Get
three downloads inside the pool (lines 27-28) at the same time.
"""
import threading

pool = threading.Semaphore(2)


class Failed(Exception):
    pass


def download(name):
    pool.acquire()
    try:
        if name == "b.txt":
            raise Failed(name)
        print("downloading", name)
        print("saved", name)
    except Failed:
        pool.release()
    finally:
        pool.release()


files = ["a.txt", "b.txt", "c.txt", "d.txt"]
threads = [threading.Thread(target=download, args=(f,)) for f in files]
for t in threads:
    t.start()
for t in threads:
    t.join()
