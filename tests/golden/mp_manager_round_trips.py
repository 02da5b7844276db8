"""
title: A Manager's dict: every access is a round trip to the server process
cores: 2
start_method: fork
Manager() starts a server process (SyncManager-1) that holds the dict.  The
proxies the workers get send each call down a pipe to one of the server's
threads (one per connection) and wait for the answer, so the workers spend
their time blocked, and the server's threads do the dict operations.
"""
# parity: python3
import multiprocessing as mp


def tally(shared, name, n):
    for i in range(n):
        shared[name] = shared.get(name, 0) + i


if __name__ == "__main__":
    with mp.Manager() as manager:
        shared = manager.dict()
        workers = [mp.Process(target=tally, args=(shared, f"w{k}", 5)) for k in range(2)]
        for w in workers:
            w.start()
        for w in workers:
            w.join()
        print(sorted(shared.items()))
        print([w.name for w in workers])
