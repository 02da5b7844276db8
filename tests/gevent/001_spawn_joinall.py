# gevent.spawn and joinall: greenlets first run in spawn order once main blocks;
# sleeps of distinct lengths decide who finishes first.
import gevent


def fetch(url, delay):
    print(f"start {url}")
    gevent.sleep(delay)
    print(f"done  {url}")
    return len(url) * 10


urls = [("http://a.example/long", 0.3), ("http://b.example", 0.1), ("http://c.example/mid", 0.2)]
jobs = [gevent.spawn(fetch, url, delay) for url, delay in urls]
print("spawned", len(jobs), "greenlets; nothing has run yet")
finished = gevent.joinall(jobs)
print("joinall returned", len(finished), "greenlets")
print("values in spawn order:", [g.value for g in jobs])
print("all successful:", all(g.successful() for g in jobs))

more = [gevent.spawn(fetch, f"slow{i}", 0.2 + 0.2 * i) for i in range(3)]
done = gevent.joinall(more, timeout=0.3)
print("within the timeout:", len(done), "finished; values:", [g.value for g in more])
gevent.joinall(more)
print("after the second joinall:", [g.value for g in more])
print("joinall([]) ->", gevent.joinall([]))
