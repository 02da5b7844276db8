"""
title: fork: a child process has its own copy of memory
cores: 2
start_method: fork
The child changes a global and appends to a list; the parent's copies are
unchanged, because a forked child gets a copy of the parent's memory, not a
share of it.  Data comes back only through the multiprocessing.Queue
(pickled on the way).
"""
# parity: python3
import multiprocessing as mp
import os

counter = 0
items = ["parent"]

def child(q):
    global counter
    counter += 100
    items.append("child")
    q.put({"counter": counter, "items": items, "is_child": os.getpid() != parent_pid})

if __name__ == "__main__":
    parent_pid = os.getpid()
    q = mp.Queue()
    p = mp.Process(target=child, args=(q,))
    p.start()
    result = q.get()
    p.join()
    print("child saw:", result)
    print("parent counter:", counter)
    print("parent items:", items)
    print("exit code:", p.exitcode)
