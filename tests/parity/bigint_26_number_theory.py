# Number theory with unbounded ints: primality, fast Fibonacci, Collatz
# records, digits of e and sqrt(2), Catalan numbers
import math


def is_probable_prime(n):
    if n < 2:
        return False
    for p in (2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37):
        if n % p == 0:
            return n == p
    d, s = n - 1, 0
    while d % 2 == 0:
        d //= 2
        s += 1
    for a in (2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37):
        x = pow(a, d, n)
        if x in (1, n - 1):
            continue
        for _ in range(s - 1):
            x = pow(x, 2, n)
            if x == n - 1:
                break
        else:
            return False
    return True


mersenne = [p for p in range(2, 130) if is_probable_prime(2**p - 1)]
print("Mersenne exponents below 130:", mersenne)
print("2**127 - 1 prime:", is_probable_prime(2**127 - 1), " 2**128 + 1 prime:", is_probable_prime(2**128 + 1))
candidate = 10**30 + 1
while not is_probable_prime(candidate):
    candidate += 2
print("next prime after 10**30:", candidate)


def fib_pair(n):
    # fast doubling: (F(n), F(n+1))
    if n == 0:
        return 0, 1
    a, b = fib_pair(n >> 1)
    c = a * (2 * b - a)
    d = a * a + b * b
    return (d, c + d) if n & 1 else (c, d)


f = fib_pair(10_000)[0]
print("F(10000):", len(str(f)), "digits", str(f)[:20], "...", str(f)[-20:])
print("F(300) =", fib_pair(300)[0])
print("gcd(F(300), F(200)) == F(100):", math.gcd(fib_pair(300)[0], fib_pair(200)[0]) == fib_pair(100)[0])

best, start = 0, 0
for n in range(1, 3000):
    x, steps, peak = n, 0, n
    while x != 1:
        x = x // 2 if x % 2 == 0 else 3 * x + 1
        peak = max(peak, x)
        steps += 1
    if steps > best:
        best, start = steps, n
print("longest Collatz run below 3000:", start, best)
x = 2**100 - 1
steps = 0
while x != 1:
    x = x // 2 if x % 2 == 0 else 3 * x + 1
    steps += 1
print("Collatz steps from 2**100 - 1:", steps)

digits = 60
scale = 10 ** (digits + 10)
term, e = scale, 0
k = 0
while term:
    e += term
    k += 1
    term //= k
print("e =", str(e // 10**10)[:1] + "." + str(e // 10**10)[1:])
root2 = math.isqrt(2 * 10 ** (2 * digits))
print("sqrt(2) =", str(root2)[:1] + "." + str(root2)[1:])
print("Catalan numbers:", [math.comb(2 * n, n) // (n + 1) for n in (10, 30, 50)])
print("C(60) by recurrence:", math.prod(range(62, 121)) // math.prod(range(1, 61)))
