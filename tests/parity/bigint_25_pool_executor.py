# Tutorial: a CPU-bound big-int job (Fibonacci and factorial digits) split
# over a ProcessPoolExecutor, then over threads, results in order
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
import threading


def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


def digits_of_fib(n):
    f = fib(n)
    return n, len(str(f)), f % 1_000_000_007


def product(bounds):
    lo, hi = bounds
    p = 1
    for k in range(lo, hi):
        p *= k
    return p


if __name__ == "__main__":
    with ProcessPoolExecutor(max_workers=3) as pool:
        for n, digits, mod in pool.map(digits_of_fib, [100, 1000, 5000, 10000]):
            print(f"fib({n}) has {digits} digits, mod 1e9+7 = {mod}")
        chunks = [(1, 250), (250, 500), (500, 750), (750, 1001)]
        parts = list(pool.map(product, chunks))
    total = 1
    for p in parts:
        total *= p
    print("1000! from 4 processes:", len(str(total)), "digits, ends", str(total)[-30:])
    print("same as sequential:", total == product((1, 1001)))
    print("part sizes in bits:", [p.bit_length() for p in parts])

    lock = threading.Lock()
    shared = {"sum": 0}

    def add_cubes(lo, hi):
        s = sum(k**3 for k in range(lo, hi))
        with lock:
            shared["sum"] += s
        return s

    with ThreadPoolExecutor(max_workers=4) as tpool:
        futures = [tpool.submit(add_cubes, k, k + 250_000) for k in range(0, 1_000_000, 250_000)]
        print("thread parts:", [f.result() for f in futures])
    n = 1_000_000
    print("sum of cubes:", shared["sum"], shared["sum"] == (n * (n - 1) // 2) ** 2)
