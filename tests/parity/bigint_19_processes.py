# A big-int CPU-bound job split over processes with multiprocessing.Pool
from multiprocessing import Pool


def sum_squares(bounds):
    start, stop = bounds
    return sum(i * i for i in range(start, stop))


def factorial_digits(n):
    result = 1
    for k in range(2, n + 1):
        result *= k
    return n, len(str(result))


if __name__ == "__main__":
    N = 200_000
    step = N // 4
    bounds = [(k, k + step) for k in range(0, N, step)]
    with Pool(2) as pool:
        parts = pool.map(sum_squares, bounds)
        digits = pool.map(factorial_digits, [100, 500, 1000, 1500])
    for (a, b), part in zip(bounds, parts):
        print(f"[{a:>6}, {b:>6}) -> {part}")
    total = sum(parts)
    print("total:", total)
    print("check:", total == sum(i * i for i in range(N)))
    for n, d in digits:
        print(f"{n}! has {d} digits")
