# multiprocessing.Manager: a shared dict and list filled by worker processes
from multiprocessing import Manager, Process


def count_words(name, text, counts, seen):
    words = text.lower().split()
    counts[name] = len(words)
    for w in words:
        if w.startswith("p"):
            seen.append(w)


DOCS = {
    "a": "Python processes share nothing by default",
    "b": "a manager process holds shared objects",
    "c": "proxies pickle each call to the manager",
}

if __name__ == "__main__":
    with Manager() as manager:
        counts = manager.dict()
        seen = manager.list()
        workers = [Process(target=count_words, args=(k, v, counts, seen)) for k, v in DOCS.items()]
        for p in workers:
            p.start()
        for p in workers:
            p.join()
        print("exit codes:", [p.exitcode for p in workers])
        print("counts:", sorted(counts.items()))
        print("total words:", sum(counts.values()))
        print("p-words:", sorted(seen))
        print("len via proxy:", len(counts), len(seen))
        plain = dict(counts)
        print("copied to a plain dict:", type(plain).__name__, sorted(plain))
        counts["extra"] = 0
        print("keys after main writes:", sorted(counts.keys()))
        print("get with default:", counts.get("zzz", "none"))
