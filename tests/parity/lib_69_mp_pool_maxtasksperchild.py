# Pool(maxtasksperchild=1): every task runs in a fresh worker process
import os
from multiprocessing import Pool, current_process


def task(n):
    return n, os.getpid(), current_process().name.startswith("ForkPoolWorker") or current_process().name.startswith("SpawnPoolWorker")


if __name__ == "__main__":
    with Pool(processes=2, maxtasksperchild=1) as pool:
        results = pool.map(task, range(6), chunksize=1)
    print("inputs:", [n for n, _, _ in results])
    pids = [pid for _, pid, _ in results]
    print("distinct worker processes:", len(set(pids)))
    print("none is the parent:", all(pid != os.getpid() for pid in pids))
    print("pool worker names:", all(ok for _, _, ok in results))
    with Pool(processes=2) as pool:
        reused = pool.map(task, range(6), chunksize=1)
    print("without the limit, at most 2 workers:", len(set(pid for _, pid, _ in reused)) <= 2)
    try:
        Pool(processes=1, maxtasksperchild=0)
    except ValueError as e:
        print("ValueError:", e)
