"""
title: Pool.map spreads CPU-bound work over worker processes
cores: 2
start_method: fork
Four CPU-bound tasks go to a Pool of 2 worker processes.  Each process has
its own GIL, so the two workers run at the same time on the two cores;
map() returns the results in argument order whatever order they finish in.
"""
# parity: python3
import multiprocessing as mp

def work(n):
    total = 0
    for i in range(n):
        total += i % 7
    return total

if __name__ == "__main__":
    sizes = [40_000, 30_000, 20_000, 10_000]
    with mp.Pool(processes=2) as pool:
        results = pool.map(work, sizes)
    print("results:", results)
    print("check:", results == [work(n) for n in sizes])
