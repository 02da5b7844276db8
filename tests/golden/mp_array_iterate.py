"""
title: multiprocessing.Array: children fill it, the parent reads it
cores: 2
start_method: fork
Two child processes write squares into halves of a shared Array('i', 8).
The parent reads it back by index, by slice, by iteration (for, list(),
sum()) - a synchronized Array is a sequence, as in CPython.
"""
# parity: python3
import multiprocessing as mp

def fill(arr, lo, hi):
    for i in range(lo, hi):
        arr[i] = i * i

if __name__ == "__main__":
    arr = mp.Array("i", 8)
    procs = [mp.Process(target=fill, args=(arr, 0, 4)), mp.Process(target=fill, args=(arr, 4, 8))]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
    print("len:", len(arr), "arr[3]:", arr[3], "arr[-1]:", arr[-1])
    print("slice:", arr[:])
    print("for:", [x for x in arr])
    print("list:", list(arr))
    print("sum:", sum(arr))
