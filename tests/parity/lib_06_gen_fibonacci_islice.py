# Infinite generators consumed lazily: fibonacci, primes, and windows
from itertools import islice


def fibonacci():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


def primes():
    found = []
    n = 2
    while True:
        if all(n % p for p in found if p * p <= n):
            found.append(n)
            yield n
        n += 1


def take(n, iterable):
    return list(islice(iterable, n))


def windows(iterable, size):
    window = []
    for item in iterable:
        window.append(item)
        if len(window) == size:
            yield tuple(window)
            window.pop(0)


print("fib:", take(15, fibonacci()))
print("primes:", take(15, primes()))
print("fib 100..103:", list(islice(fibonacci(), 100, 103)))
print("windows:", list(windows(range(6), 3)))
print("moving sums:", [sum(w) for w in windows(take(8, primes()), 4)])

even_fibs = (f for f in fibonacci() if f % 2 == 0)
print("even fibs:", take(8, even_fibs))
print("first fib over 1000:", next(f for f in fibonacci() if f > 1000))


def numbered(lines, start=1):
    n = start
    for line in lines:
        if not line.strip():
            continue
        yield f"{n:3}| {line}"
        n += 1


for out in numbered(["def f():", "", "    return 1", "   ", "print(f())"]):
    print(out)
