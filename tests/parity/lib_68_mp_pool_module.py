# The multiprocessing.pool module: Pool and ThreadPool imported from it
from multiprocessing.pool import Pool, ThreadPool
import multiprocessing.pool


def word_length(word):
    return word, len(word)


def divide(a, b):
    return a / b


WORDS = ["thread", "process", "pool", "greenlet", "coroutine"]

if __name__ == "__main__":
    print("same class:", multiprocessing.pool.Pool is Pool)
    with Pool(processes=2) as pool:
        print("map:", pool.map(word_length, WORDS))
        print("starmap:", pool.starmap(divide, [(1, 4), (9, 3), (7, 2)]))
        print("imap:", list(pool.imap(len, WORDS, chunksize=2)))
        print("imap_unordered sorted:", sorted(pool.imap_unordered(len, WORDS)))
        print("apply:", pool.apply(divide, (10, 4)))
        try:
            pool.apply(divide, (1, 0))
        except ZeroDivisionError as e:
            print("ZeroDivisionError re-raised:", e)
    with ThreadPool(3) as tp:
        print("thread map:", tp.map(str.upper, WORDS))
        res = tp.map_async(len, WORDS)
        print("thread map_async:", res.get(timeout=5))
    pool = Pool(2)
    out = pool.map(abs, range(-3, 3))
    pool.close()
    pool.join()
    print("closed and joined:", out)
    try:
        pool.map(abs, [1])
    except ValueError as e:
        print("ValueError:", e)
