"""
title: Sharing on purpose: a Pipe and a shared Value
cores: 2
Processes share nothing by accident, so they share on purpose.  Two workers
each add 1 to a multiprocessing.Value 1,000 times: the Value lives in shared
memory, and its lock makes each += safe (without `with total.get_lock()`
updates can be lost, as in the race lesson).  Each worker also sends a
message back through its end of a Pipe.  A plain global, by contrast, is
copied into each child and changed only there.
"""
import multiprocessing

plain = 0

def worker(name, total, conn):
    global plain
    for _ in range(1_000):
        plain += 1
        with total.get_lock():
            total.value += 1
    conn.send(f"{name} added 1000; its own copy of plain is {plain}")
    conn.close()

if __name__ == "__main__":
    total = multiprocessing.Value("i", 0)
    pipes = [multiprocessing.Pipe() for _ in range(2)]
    procs = [multiprocessing.Process(target=worker, args=(f"worker {i}", total, child_end))
             for i, (parent_end, child_end) in enumerate(pipes)]
    for p in procs:
        p.start()
    for parent_end, child_end in pipes:
        print(parent_end.recv())
    for p in procs:
        p.join()
    print(f"shared Value: {total.value}")
    print(f"plain global in the parent: {plain}")
