"""
title: ProcessPoolExecutor runs CPU-bound work in parallel
cores: 2
start_method: fork
Two CPU-bound jobs submitted to a ProcessPoolExecutor with 2 workers run in
two processes, each with its own GIL, at the same time on two cores.
as_completed() yields the shorter job first; executor.map() keeps argument
order.  The workers' pids differ from the parent's.
"""
import os
from concurrent.futures import ProcessPoolExecutor, as_completed

def crunch(n):
    total = 0
    for i in range(n):
        total += i * i % 11
    return n, total, os.getpid()

if __name__ == "__main__":
    parent = os.getpid()
    with ProcessPoolExecutor(max_workers=2) as ex:
        futures = [ex.submit(crunch, n) for n in (80_000, 20_000)]
        for fut in as_completed(futures):
            n, total, pid = fut.result()
            print(f"crunch({n}) = {total}, in a worker: {pid != parent}")
        print("map:", [t for _, t, _ in ex.map(crunch, [3, 4, 5])])
