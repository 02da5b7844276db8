"""
title: A race: updates lost between the read and the write
cores: 2
Four threads add 1 to a shared counter 600,000 times each, with
`counter = counter + one()`.  The read of `counter` and the write back are
separate bytecode ops, and the call in between is an eval-breaker check
where the GIL can change hands.  A thread that loses the GIL there writes
back a stale value when it resumes, wiping out every update the other
threads made meanwhile.
(In CPython 3.11, plain `counter += 1` has no check between the read and
the write, so it happens to lose nothing under the GIL - but it does with
`--gil off` or `--set preempt=every_op`.  Never rely on it.)
The next scenario fixes the race with a lock.
"""
import threading

counter = 0

def one():
    return 1

def work(n):
    global counter
    for _ in range(n):
        counter = counter + one()

threads = [threading.Thread(target=work, args=(600_000,)) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(f"counter = {counter} (expected {4 * 600_000})")
print("lost updates!" if counter != 4 * 600_000 else "no update lost this time")
