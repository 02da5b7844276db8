# Integer algorithms: gcd, primes, collatz, digits, perfect numbers
def gcd(a, b):
    while b:
        a, b = b, a % b
    return abs(a)
def lcm(a, b):
    return a // gcd(a, b) * b
print(gcd(12, 18), gcd(-12, 18), gcd(0, 0), gcd(17, 0), lcm(4, 6), lcm(21, 6))
l = 1
for k in range(1, 21):
    l = lcm(l, k)
print("lcm(1..20) =", l)
def sieve(n):
    is_p = [True] * (n + 1)
    is_p[0] = is_p[1] = False
    for i in range(2, int(n ** 0.5) + 1):
        if is_p[i]:
            for j in range(i * i, n + 1, i):
                is_p[j] = False
    return [i for i, p in enumerate(is_p) if p]
ps = sieve(200)
print(len(ps), ps[:15], ps[-3:], sum(ps))
def factorize(n):
    f, d = [], 2
    while d * d <= n:
        while n % d == 0:
            f.append(d)
            n //= d
        d += 1
    if n > 1:
        f.append(n)
    return f
for n in [1, 2, 12, 97, 360, 1001, 65536, 999999, 600851475143]:
    print(n, factorize(n))
def collatz_len(n):
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps
best = max(range(1, 1000), key=collatz_len)
print("longest collatz under 1000:", best, collatz_len(best), [collatz_len(i) for i in range(1, 11)])
def digit_sum(n):
    return sum(int(d) for d in str(abs(n)))
print(digit_sum(0), digit_sum(-9875), digit_sum(2 ** 60), str(2 ** 60)[::-1])
perfect = [n for n in range(2, 600) if sum(d for d in range(1, n // 2 + 1) if n % d == 0) == n]
print("perfect:", perfect)
print([n for n in range(1, 200) if str(n) == str(n)[::-1] and n in ps])
fibs = [0, 1]
while fibs[-1] < 10 ** 15:
    fibs.append(fibs[-1] + fibs[-2])
print(len(fibs), fibs[-1], fibs[-1] % 1000000007)
