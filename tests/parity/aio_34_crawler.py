import asyncio

# A simulated web crawler: fake pages with latencies, limited concurrency,
# a work queue, deduplication and per-page results.
PAGES = {
    "/": (["/a", "/b", "/c"], 0.3),
    "/a": (["/a/1", "/a/2", "/"], 0.2),
    "/b": (["/b/1", "/a"], 0.5),
    "/c": ([], 0.1),
    "/a/1": (["/missing"], 0.1),
    "/a/2": ([], 0.4),
    "/b/1": (["/c", "/b"], 0.2),
}


class NotFound(Exception):
    pass


async def fetch(url):
    if url not in PAGES:
        await asyncio.sleep(0.05)
        raise NotFound(url)
    links, latency = PAGES[url]
    await asyncio.sleep(latency)
    return links


async def crawl(start, concurrency):
    seen = {start}
    queue = asyncio.Queue()
    queue.put_nowait((start, 0))
    sem = asyncio.Semaphore(concurrency)
    results = {}
    order = []

    async def worker(wid):
        while True:
            url, depth = await queue.get()
            try:
                async with sem:
                    links = await fetch(url)
                results[url] = (depth, len(links))
                order.append(url)
                for link in links:
                    if link not in seen:
                        seen.add(link)
                        queue.put_nowait((link, depth + 1))
            except NotFound as e:
                results[url] = (depth, "404")
                order.append(url)
                print(f"worker {wid}: not found {e}")
            finally:
                queue.task_done()

    workers = [asyncio.create_task(worker(i)) for i in range(3)]
    await queue.join()
    for w in workers:
        w.cancel()
    await asyncio.gather(*workers, return_exceptions=True)
    return results, order


async def main():
    for conc in (2, 3):
        loop = asyncio.get_running_loop()
        results, order = await crawl("/", conc)
        print("concurrency", conc)
        print("  order:", order)
        for url in sorted(results):
            print("  ", url, results[url])


asyncio.run(main())
