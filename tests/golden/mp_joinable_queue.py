# parity: python3
import multiprocessing as mp

def worker(q, out):
    while True:
        item = q.get()
        if item is None:
            q.task_done()
            break
        out.put(item * item)
        q.task_done()

if __name__ == "__main__":
    q = mp.JoinableQueue()
    out = mp.Queue()
    ps = [mp.Process(target=worker, args=(q, out)) for _ in range(2)]
    for p in ps:
        p.start()
    for i in range(6):
        q.put(i)
    q.join()
    print("joined:", sorted(out.get() for _ in range(6)))
    for p in ps:
        q.put(None)
    q.join()
    for p in ps:
        p.join()
    print(type(q).__name__)
    try:
        q.task_done()
    except ValueError as e:
        print("ValueError:", e)
    q.put_nowait(1)
    print(q.get())
    q.task_done()
    q.join()
    print("done")
