# Manager().Queue and Event shared by producers and a consumer process
from multiprocessing import Manager, Process


def producer(q, start_event, name, items):
    start_event.wait()
    for item in items:
        q.put((name, item))
    q.put((name, None))


def consumer(q, results, n_producers):
    finished = 0
    while finished < n_producers:
        name, item = q.get()
        if item is None:
            finished += 1
            continue
        results.append(f"{name}:{item * item}")


if __name__ == "__main__":
    with Manager() as m:
        q = m.Queue()
        results = m.list()
        go = m.Event()
        producers = [Process(target=producer, args=(q, go, f"p{i}", range(i * 3, i * 3 + 3))) for i in range(3)]
        cons = Process(target=consumer, args=(q, results, len(producers)))
        for p in producers + [cons]:
            p.start()
        print("event set before start:", go.is_set())
        go.set()
        for p in producers + [cons]:
            p.join()
        print("queue empty:", q.empty(), "qsize:", q.qsize())
        print("results:", sorted(results, key=lambda r: (r.split(":")[0], int(r.split(":")[1]))))
        print("count:", len(results))
        q.put("x")
        print("main round trip:", q.get(), q.empty())
        bounded = m.Queue(maxsize=1)
        bounded.put(1)
        print("full:", bounded.full())
