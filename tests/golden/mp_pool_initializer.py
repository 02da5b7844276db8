# parity: python3
import multiprocessing as mp
import os

state = "parent"

def init(tag, n):
    global state
    state = f"{tag}-{n}"

def work(x):
    return (state, x * x)

if __name__ == "__main__":
    with mp.Pool(2, initializer=init, initargs=("worker", 7)) as pool:
        print(sorted(pool.map(work, range(6))))
    print(state)
    try:
        mp.Pool(1, initializer=3)
    except TypeError as e:
        print("TypeError:", e)
