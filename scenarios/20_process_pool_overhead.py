"""
title: A process pool: when the overhead eats the gain
cores: 2
The same CPU-bound function, run on many small inputs and on a few big
ones, sequentially and in a ProcessPoolExecutor with two workers.  Each job
costs the pool a round trip: pickle the call, send it to a worker, pickle
the result back - and the pool pays for starting its processes first.  For
small jobs that overhead outweighs the work; for big jobs the two cores
win.  The start cost depends on your machine: measure it with python3 and
set fork_cost (or spawn_cost) to match.
"""
import concurrent.futures
import time

def count_down(n):
    while n > 0:
        n -= 1
    return n

def timed(label, fn):
    start = time.perf_counter()
    fn()
    elapsed = time.perf_counter() - start
    print(f"{label:28} {elapsed * 1000:7.1f} ms")
    return elapsed

def sequential(jobs):
    return lambda: [count_down(n) for n in jobs]

def in_pool(jobs):
    def run():
        with concurrent.futures.ProcessPoolExecutor(max_workers=2) as pool:
            list(pool.map(count_down, jobs))
    return run

if __name__ == "__main__":
    small = [10] * 200
    big = [300_000] * 4
    a = timed("200 small jobs, sequential", sequential(small))
    b = timed("200 small jobs, 2 processes", in_pool(small))
    c = timed("4 big jobs, sequential", sequential(big))
    d = timed("4 big jobs, 2 processes", in_pool(big))
    print(f"small jobs: pool / sequential = {b / a:.1f}")
    print(f"big jobs:   pool / sequential = {d / c:.2f}")
