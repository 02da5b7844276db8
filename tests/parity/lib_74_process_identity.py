# Process identity: pid after start(), default names, subclass names, parent process
import multiprocessing as mp
import os


class Downloader(mp.Process):
    def __init__(self, url):
        super().__init__()
        self.url = url

    def run(self):
        me = mp.current_process()
        print(f"{me.name} downloading {self.url}; pid is int: {isinstance(me.pid, int)}; matches os: {me.pid == os.getpid()}")


def work(tag):
    me = mp.current_process()
    parent = mp.parent_process()
    print(f"{me.name} ({tag}) parent={parent.name} ident is pid: {me.ident == me.pid}")


if __name__ == "__main__":
    print(repr(mp.current_process()))
    print("main name:", mp.current_process().name, "parent:", mp.parent_process())
    p = mp.Process(target=work, args=("first",))
    print("before start:", p.name, p.pid, p.exitcode, p.is_alive())
    p.start()
    started_pid = p.pid
    p.join()
    print("after start pid is int:", isinstance(started_pid, int), started_pid != os.getpid(), started_pid == p.pid)
    print("after join:", p.exitcode, p.is_alive())
    named = mp.Process(target=work, args=("named",), name="fetcher")
    named.start()
    named.join()
    d1 = Downloader("http://a.example")
    d2 = Downloader("http://b.example")
    print("subclass names:", d1.name, d2.name)
    for d in (d1, d2):
        d.start()
        d.join()
    unstarted = mp.Process(target=work)
    last = mp.Process(target=work, args=("last",))
    print("numbering counts every Process:", unstarted.name, last.name)
    last.start()
    last.join()
    print("daemon default:", last.daemon, "active children:", mp.active_children())
