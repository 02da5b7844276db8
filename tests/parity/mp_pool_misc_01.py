# Pool odds and ends: a spawn context pool, imap with chunks, ThreadPool with callbacks, get(timeout), terminate, errors out of imap, starmap
import multiprocessing as mp
from multiprocessing.pool import ThreadPool
import time

def sq(x):
    return x * x

def boom(x):
    if x == 3:
        raise ValueError("bad %d" % x)
    return x

if __name__ == "__main__":
    ctx = mp.get_context("spawn")
    with ctx.Pool(2) as p:
        print(p.map(sq, range(6)))
        print(list(p.imap(sq, range(7), chunksize=3)))
        print(sorted(p.imap_unordered(sq, range(5))))
    with ThreadPool(3) as tp:
        print(tp.map(sq, [1, 2, 3]))
        r = tp.map_async(boom, range(5), callback=print, error_callback=lambda e: print("err", e))
        r.wait()
        print(r.ready(), r.successful())
    p = mp.Pool(2)
    r = p.apply_async(time.sleep, (0.2,))
    try:
        r.get(timeout=0.05)
    except mp.TimeoutError as e:
        print("timeout", type(e).__name__)
    p.terminate()
    p.join()
    print(repr(p).split(" ")[1:])
    try:
        p.map(sq, [1])
    except ValueError as e:
        print(e)
    with mp.Pool(1) as p2:
        it = p2.imap(boom, range(5))
        out = []
        while True:
            try:
                out.append(next(it))
            except StopIteration:
                break
            except ValueError as e:
                out.append(str(e))
        print(out)
        print(p2.starmap(pow, [(2, 3), (3, 2)]))
    print(mp.active_children())
