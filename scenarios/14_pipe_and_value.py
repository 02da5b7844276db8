"""
title: Sharing on purpose: a Pipe and a shared Value
cores: 2
Processes share nothing by accident, so they share on purpose.  The parent
sends each of two workers the size of its batch through a Pipe.  Each
worker counts its batch in its own memory, then adds its count to a
multiprocessing.Value - a number in shared memory - once, under the Value's
lock, and sends a report back through the same Pipe (a Pipe goes both
ways).  A plain global, by contrast, is copied into each child and changed
only there.
"""
import multiprocessing

plain = 0

def worker(name, conn, total):
    global plain
    items = conn.recv()                # the job, sent by the parent
    count = 0
    for _ in range(items):
        count += 1
        plain += 1
    with total.get_lock():             # one update of the shared Value, under its lock
        total.value += count
    conn.send(f"{name} counted {count}; its own copy of plain is {plain}")   # the report, back through the Pipe

if __name__ == "__main__":
    total = multiprocessing.Value("i", 0)
    pipes = [multiprocessing.Pipe() for _ in range(2)]
    procs = [multiprocessing.Process(target=worker, args=(f"worker {i}", child_end, total))
             for i, (parent_end, child_end) in enumerate(pipes)]
    for p in procs:
        p.start()
    for (parent_end, child_end), items in zip(pipes, (1_000, 3_000)):
        parent_end.send(items)
    for parent_end, child_end in pipes:
        print(parent_end.recv())       # the reports, read in a fixed order
    for p in procs:
        p.join()
    print(f"shared Value: {total.value}")
    print(f"plain global in the parent: {plain}")
