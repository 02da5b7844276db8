"""
title: One download job, four ways: sequential, threads, asyncio, processes
cores: 2
Eight "downloads": each waits 0.1 s for the network, then parses the page
(a CPU-bound loop of under 3 ms).  The same job runs one after another, in
eight threads, as eight coroutines, and in a pool of two processes.  The
waits overlap in the threads and the coroutines; the pool has only two
workers, so only two downloads wait at a time there.  Change N, WAIT and
PARSE to see where each one wins.
"""
import asyncio
import concurrent.futures
import threading
import time

N = 8
WAIT = 0.1
PARSE = 100_000

def parse(n):
    while n > 0:
        n -= 1

def download(i):
    time.sleep(WAIT)            # the network
    parse(PARSE)                # the CPU
    return i

async def download_async(i):
    await asyncio.sleep(WAIT)
    parse(PARSE)
    return i

async def all_async():
    return await asyncio.gather(*(download_async(i) for i in range(N)))

def with_threads():
    threads = [threading.Thread(target=download, args=(i,)) for i in range(N)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()

def with_processes():
    with concurrent.futures.ProcessPoolExecutor(max_workers=2) as pool:
        list(pool.map(download, range(N)))

def timed(label, fn):
    start = time.perf_counter()
    fn()
    print(f"{label:11} {(time.perf_counter() - start) * 1000:6.0f} ms")

if __name__ == "__main__":
    timed("sequential", lambda: [download(i) for i in range(N)])
    timed("threads", with_threads)
    timed("asyncio", lambda: asyncio.run(all_async()))
    timed("processes", with_processes)
