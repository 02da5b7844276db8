"""
title: Exercise: compress 4 files - which tool?
cores: 2
A compressor: each of 4 files takes about 27 ms of pure CPU work (a loop
stands in for the compression), and there is no waiting at all.  As
written it compresses them one after another.  Before you change TOOL,
predict: which of "threads", "asyncio" and "processes" makes it faster on
two cores, and by how much?  Then edit TOOL and run it.  Try threads once
more with `--gil off`.
"""
import asyncio
import concurrent.futures
import time

TOOL = "sequential"      # try "threads", "asyncio" and "processes"
SIZES = [1_000_000, 1_000_000, 1_000_000, 1_000_000]

def compress(size):
    n = size
    while n > 0:
        n -= 1
    return size // 3

async def compress_async(size):
    return compress(size)           # nothing to await: it never lets go

async def compress_all_async():
    return await asyncio.gather(*(compress_async(s) for s in SIZES))

if __name__ == "__main__":
    start = time.perf_counter()
    if TOOL == "sequential":
        sizes = [compress(s) for s in SIZES]
    elif TOOL == "threads":
        with concurrent.futures.ThreadPoolExecutor(max_workers=4) as pool:
            sizes = list(pool.map(compress, SIZES))
    elif TOOL == "processes":
        with concurrent.futures.ProcessPoolExecutor() as pool:
            sizes = list(pool.map(compress, SIZES))
    else:
        sizes = asyncio.run(compress_all_async())
    print(f"compressed sizes: {sizes}")
    print(f"{TOOL}: {(time.perf_counter() - start) * 1000:.0f} ms")
