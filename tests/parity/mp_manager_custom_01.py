# A custom BaseManager serving a class, Condition/Event/Namespace/Value/Queue proxies, proxies used from threads, use after shutdown
from multiprocessing import Manager, Process, current_process
from multiprocessing.managers import BaseManager, SyncManager, NamespaceProxy
import threading

class Counter:
    def __init__(self, start=0):
        self.n = start
    def incr(self, by=1):
        self.n += by
        return self.n
    def value(self):
        return self.n
    def _hidden(self):
        return 1

class MyManager(BaseManager):
    pass

MyManager.register("Counter", Counter)

def bump(c, times):
    for _ in range(times):
        c.incr()

def waiter(cond, ev, out):
    with cond:
        out.append("waiting " + current_process().name)
        cond.wait()
        out.append("woken")
    ev.set()

if __name__ == "__main__":
    with MyManager() as mm:
        c = mm.Counter(10)
        print(type(c).__name__, sorted(c._exposed_))
        ps = [Process(target=bump, args=(c, 5)) for _ in range(3)]
        for p in ps: p.start()
        for p in ps: p.join()
        print("counter", c.value(), [p.name for p in ps])
        try:
            c.incr("x")
        except TypeError as e:
            print("TypeError", e)
    m = Manager()
    out = m.list()
    cond = m.Condition()
    ev = m.Event()
    p = Process(target=waiter, args=(cond, ev, out))
    p.start()
    while len(out) == 0:
        pass
    with cond:
        cond.notify()
    ev.wait()
    p.join()
    print(list(out))
    ns = m.Namespace(a=1)
    print(ns.a, str(ns))
    del ns.a
    try:
        ns.a
    except AttributeError as e:
        print("gone")
    d = m.dict()
    def t(i):
        d[i] = i * i
    ths = [threading.Thread(target=t, args=(i,)) for i in range(4)]
    for th in ths: th.start()
    for th in ths: th.join()
    print(sorted(d.items()), 2 in d, len(d))
    l = m.list(range(5))
    l[1:3] = ["a", "b"]
    del l[0]
    l.sort(key=str)
    print(l[:], l.index("a"), l.count(3), l * 2)
    v = m.Value("i", 5)
    print(v.value, v.get())
    v.set(7)
    print(v)
    print(m._process.is_alive())
    q = m.Queue()
    q.put(1); q.put(2)
    print(q.qsize(), q.get(), q.get_nowait())
    import queue
    try:
        q.get_nowait()
    except queue.Empty:
        print("Empty")
    m.shutdown()
    print(m._process.is_alive(), m._process.exitcode)
    try:
        m.dict()
    except Exception as e:
        print(type(e).__name__)
