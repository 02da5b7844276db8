"""
title: Processes: real parallelism, each with its own GIL
cores: 2
The same countdown as the GIL lesson, in two processes instead of two
threads.  Each process has its own interpreter, memory and GIL, so the two
run on both cores at once and take about half the sequential time - plus
the cost of starting a process (`fork_cost`, ~2 ms; try
`--set start_method=spawn`, ~50 ms).
Under `spawn` the child re-imports this file as `__mp_main__`: that is why
the `if __name__ == "__main__":` guard matters.
"""
import multiprocessing
import time

def countdown(n):
    while n > 0:
        n -= 1

N = 1_000_000

if __name__ == "__main__":
    start = time.perf_counter()
    countdown(N)
    countdown(N)
    sequential = time.perf_counter() - start

    start = time.perf_counter()
    procs = [multiprocessing.Process(target=countdown, args=(N,)) for _ in range(2)]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
    parallel = time.perf_counter() - start

    print(f"one process, twice: {sequential * 1000:.1f} ms")
    print(f"two processes:      {parallel * 1000:.1f} ms")
    print(f"processes / sequential = {parallel / sequential:.2f}")
