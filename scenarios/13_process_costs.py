"""
title: What a process costs: starting it, and sending it data
cores: 2
Two costs that threads do not have.  Starting: the child's code runs only
after the start method has done its work (fork: copy the parent; spawn:
start a fresh interpreter that re-imports this file).  Sending: whatever
goes to or from another process is pickled into bytes and unpickled on the
other side.  Adding up a list here takes less time than starting a process
to do it.  Try `--set start_method=spawn`, and `--set pickle_cost=5`.
"""
import multiprocessing
import time

def child(started_at):
    waited = time.perf_counter() - started_at
    print(f"the child's code runs {waited * 1000:.1f} ms after start()")

def add_up(numbers, results):
    results.put(sum(numbers))

if __name__ == "__main__":
    t0 = time.perf_counter()
    p = multiprocessing.Process(target=child, args=(t0,))
    p.start()
    p.join()

    numbers = list(range(100_000))
    t0 = time.perf_counter()
    s = sum(numbers)
    print(f"sum here:       {s} in {(time.perf_counter() - t0) * 1000:.1f} ms")

    results = multiprocessing.Queue()
    t0 = time.perf_counter()
    p = multiprocessing.Process(target=add_up, args=(numbers, results))
    p.start()
    s = results.get()
    p.join()
    print(f"sum in a child: {s} in {(time.perf_counter() - t0) * 1000:.1f} ms")

    t0 = time.perf_counter()
    results.put(numbers)
    back = results.get()
    print(f"{len(back)} numbers through a queue and back: {(time.perf_counter() - t0) * 1000:.1f} ms")
