# math on big ints: factorial, gcd, lcm, isqrt, comb, perm, log
import math

f = math.factorial(60)
print("60! =", f)
print("gcd(60!, 2**100) =", math.gcd(f, 2**100))
print("gcd of three:", math.gcd(2**40 * 3**5, 2**20 * 3**9 * 5, 2**33 * 3**7 * 7))
print("gcd with zero/negative:", math.gcd(0, -(10**30)), math.gcd(-12, 18), math.gcd())
print("lcm:", math.lcm(*range(1, 41)))
r = math.isqrt(10**50)
print("isqrt(10**50) =", r)
n = 2**200 + 12345
s = math.isqrt(n)
print("isqrt(2**200 + 12345) =", s, s * s <= n < (s + 1) ** 2)
print("isqrt small:", [math.isqrt(k) for k in (0, 1, 3, 4, 15, 16, 17)])
try:
    math.isqrt(-1)
except ValueError as e:
    print("ValueError:", e)
print("comb(100, 50) =", math.comb(100, 50))
print("perm(30, 20) =", math.perm(30, 20))
print("log10(10**100) =", math.log10(10**100))
print("log2(2**500) =", math.log2(2**500))
print("prod:", math.prod(range(1, 26)))
try:
    math.factorial(-3)
except ValueError as e:
    print("ValueError:", e)


def is_perfect_square(k):
    root = math.isqrt(k)
    return root * root == k


print("perfect squares:", [is_perfect_square(x) for x in (10**40, 10**40 + 1, (3**50) ** 2)])
