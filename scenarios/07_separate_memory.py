"""
title: Processes do not share memory
cores: 2
A child process appends to a global list and bumps a global counter - in
its own copy of the memory.  The parent's list and counter do not change.
To get results back, send them: here through a multiprocessing.Queue (the
items are pickled in the child and unpickled in the parent, which costs
time: see the pickle events).  Threads, by contrast, share the parent's
memory: the thread's changes are visible at once.
"""
import multiprocessing
import threading

results = []
counter = 0

def work(q):
    global counter
    for i in range(5):
        results.append(i * i)
        counter += 1
    if q is not None:
        q.put(list(results))

if __name__ == "__main__":
    q = multiprocessing.Queue()
    p = multiprocessing.Process(target=work, args=(q,))
    p.start()
    sent = q.get()
    p.join()
    print("after the process: results =", results, "counter =", counter)
    print("what the child sent back:   ", sent)

    t = threading.Thread(target=work, args=(None,))
    t.start()
    t.join()
    print("after the thread:  results =", results, "counter =", counter)
