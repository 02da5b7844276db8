# gevent.pool.Pool: limit concurrency; spawn, map, imap, imap_unordered, join.
# The crawls' ends are 0.15 s or more apart, so gevent on a loaded machine,
# running late, keeps the order the log shows.
import gevent
from gevent.pool import Pool

pool = Pool(2)
log = []


def crawl(url):
    delay = {"a": 0.6, "b": 0.1, "c": 0.2, "d": 0.45, "e": 0.35}[url]
    log.append(f"start {url}")
    gevent.sleep(delay)
    log.append(f"end {url}")
    return url.upper()


for url in "abcde":
    pool.spawn(crawl, url)
    print(f"spawned {url}: size {pool.size}, free {pool.free_count()}, full {pool.full()}")
pool.join()
print("order:", ", ".join(log))
print("map keeps input order:", pool.map(crawl, "edcba"))
print("imap keeps input order:", list(pool.imap(crawl, "bca")))
print("imap_unordered yields as they finish:", list(pool.imap_unordered(crawl, "abc")))
print("apply:", pool.apply(crawl, ("d",)))
print("free after all:", pool.free_count(), "len:", len(pool))
g = pool.apply_async(crawl, ("e",))
print("apply_async returns a Greenlet in the pool:", g in pool)
print("result:", g.get())
pool.join()
print("empty after join:", len(pool) == 0)
