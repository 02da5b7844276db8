# Manager Namespace, Value and Lock: a shared counter and status board across processes
from multiprocessing import Manager, Process


def deposit(account, lock, amount, times):
    for _ in range(times):
        with lock:
            account.value += amount


def configure(ns, name):
    ns.status = f"configured by {name}"
    ns.version = ns.version + 1


if __name__ == "__main__":
    with Manager() as m:
        balance = m.Value("i", 0)
        lock = m.Lock()
        ns = m.Namespace()
        ns.version = 0
        ns.status = "new"
        procs = [Process(target=deposit, args=(balance, lock, amt, 25)) for amt in (1, 10, 100)]
        for p in procs:
            p.start()
        for p in procs:
            p.join()
        print("balance:", balance.value, "expected:", 25 * 111)
        for name in ("setup-1", "setup-2"):
            p = Process(target=configure, args=(ns, name))
            p.start()
            p.join()
        print("namespace:", ns.status, "version", ns.version)
        ns.items = [1, 2]
        items = ns.items
        items.append(3)
        print("mutating a fetched copy does not write back:", ns.items)
        ns.items = items
        print("reassigning does:", ns.items)
        try:
            ns.missing
        except AttributeError as e:
            print("AttributeError for missing attribute:", "missing" in str(e))
        counter = m.Value("d", 1.5)
        counter.value *= 2
        print("float value:", counter.value)
