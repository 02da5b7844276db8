# The classic CPU-bound job, sized for a test: sum of squares, sequential and chunked
import math


def sum_squares(start, stop):
    total = 0
    for i in range(start, stop):
        total += i * i
    return total


N = 100_000
whole = sum(i * i for i in range(N))
print("sum of squares below", N, "=", whole)
print("formula:", (N - 1) * N * (2 * N - 1) // 6)

chunks = [(k, min(k + 30_000, N)) for k in range(0, N, 30_000)]
print("chunks:", chunks)
parts = [sum_squares(a, b) for a, b in chunks]
print("parts:", parts)
print("chunked total matches:", sum(parts) == whole)

cubes = sum(i ** 3 for i in range(N))
print("sum of cubes:", cubes, cubes == (N * (N - 1) // 2) ** 2)
mix = 0
for i in range(1, 20_000):
    mix = (mix * 31 + i * i) % (2**89 - 1)
print("mixed hash:", mix)
print("product of first 40 odd numbers:", math.prod(range(1, 80, 2)))
