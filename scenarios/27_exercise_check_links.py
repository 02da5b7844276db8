"""
title: Exercise: check 20 links - which tool?
cores: 2
A link checker: for each of 20 links, wait about 0.3 s for the server to
answer, then look at the status (almost no CPU).  As written it checks them
one after another.  Before you change TOOL, predict: which of "threads",
"asyncio" and "processes" makes it fastest, and roughly how fast?  Then
edit TOOL and run it.  (Every link whose number is a multiple of 7 is
broken.)
"""
import asyncio
import concurrent.futures
import time

TOOL = "sequential"      # try "threads", "asyncio" and "processes"
LINKS = [f"https://example.org/page{i}" for i in range(20)]

def status_of(url):
    return 404 if int(url[len("https://example.org/page"):]) % 7 == 0 else 200

def check(url):
    time.sleep(0.3)                 # waiting for the server
    return status_of(url)

async def check_async(url):
    await asyncio.sleep(0.3)
    return status_of(url)

async def check_all_async():
    return await asyncio.gather(*(check_async(url) for url in LINKS))

if __name__ == "__main__":
    start = time.perf_counter()
    if TOOL == "sequential":
        statuses = [check(url) for url in LINKS]
    elif TOOL == "threads":
        with concurrent.futures.ThreadPoolExecutor(max_workers=20) as pool:
            statuses = list(pool.map(check, LINKS))
    elif TOOL == "processes":
        with concurrent.futures.ProcessPoolExecutor() as pool:
            statuses = list(pool.map(check, LINKS))
    else:
        statuses = asyncio.run(check_all_async())
    broken = [url for url, status in zip(LINKS, statuses) if status != 200]
    print(f"{len(broken)} broken links: {broken}")
    print(f"{TOOL}: {time.perf_counter() - start:.1f} s")
