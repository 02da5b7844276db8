"""
title: multiprocessing.Value shared between processes, with get_lock()
cores: 2
start_method: fork
switch_interval: 1ms
Two processes each add 1 to a shared Value('i') 5,000 times.  The Value is
in shared memory, and `with v.get_lock():` makes each read-modify-write
exclusive, so no update is lost.
"""
# parity: python3
import multiprocessing as mp

def add(v, n):
    for _ in range(n):
        with v.get_lock():
            v.value += 1

if __name__ == "__main__":
    v = mp.Value("i", 0)
    procs = [mp.Process(target=add, args=(v, 5_000)) for _ in range(2)]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
    print("value:", v.value)
    print("expected:", 2 * 5_000)
