"""
title: Sharing on purpose: a Pipe and a shared Value
cores: 2
Processes share nothing by accident, so they share on purpose.  Each of two
workers counts the items of its own batch in its own memory, then adds its
count to a multiprocessing.Value - a number in shared memory - once, under
the Value's lock, and reports back through its end of a Pipe.  A plain
global, by contrast, is copied into each child and changed only there.
"""
import multiprocessing

plain = 0

def worker(name, items, total, conn):
    global plain
    count = 0
    for _ in range(items):
        count += 1
        plain += 1
    with total.get_lock():             # one update of the shared Value, under its lock
        total.value += count
    conn.send(f"{name} counted {count}; its own copy of plain is {plain}")
    conn.close()

if __name__ == "__main__":
    total = multiprocessing.Value("i", 0)
    pipes = [multiprocessing.Pipe() for _ in range(2)]
    procs = [multiprocessing.Process(target=worker, args=(f"worker {i}", items, total, child_end))
             for i, (items, (parent_end, child_end)) in enumerate(zip((1_000, 3_000), pipes))]
    for p in procs:
        p.start()
    for parent_end, child_end in pipes:
        print(parent_end.recv())
    for p in procs:
        p.join()
    print(f"shared Value: {total.value}")
    print(f"plain global in the parent: {plain}")
