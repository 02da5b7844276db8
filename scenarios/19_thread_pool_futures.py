"""
title: A thread pool, futures, and an exception inside one
cores: 2
concurrent.futures.ThreadPoolExecutor keeps a few worker threads and feeds
them jobs.  submit() returns a Future at once; result() waits for it.  Eight
"downloads" of 0.2 s on 4 workers take two rounds.  One URL is bad: its job
raises inside a worker thread, and nothing is printed then - the exception
is stored in the future and raised again by result(), in the thread that
asks.  A future nobody asks keeps its exception to itself.
"""
import concurrent.futures
import time

def download(url):
    time.sleep(0.2)                      # waiting for the network
    if "bad" in url:
        raise ValueError(f"cannot reach {url}")
    return len(url)

urls = [f"site{i}.example" for i in range(7)] + ["bad.example"]

start = time.perf_counter()
with concurrent.futures.ThreadPoolExecutor(max_workers=4) as pool:
    futures = {pool.submit(download, url): url for url in urls}
    print(f"submitted {len(futures)} jobs after {time.perf_counter() - start:.2f} s")
    for future in concurrent.futures.as_completed(futures):
        url = futures[future]
        try:
            print(f"{url}: {future.result()} bytes")
        except ValueError as e:
            print(f"{url}: failed: {e}")
print(f"all done after {time.perf_counter() - start:.2f} s")

with concurrent.futures.ThreadPoolExecutor(max_workers=4) as pool:
    sizes = list(pool.map(download, urls[:4]))
print("map keeps the order of its input:", sizes)
