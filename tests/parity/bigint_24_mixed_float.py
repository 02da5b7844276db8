# Big ints and floats together: exact comparisons, conversions that round
# once, true division, and the math functions that take either
import math

big = 2**80 + 1
print(big + 0.5, big * 1.5, big - 1e24, big / 2.0, big // 3.0, big % 1e10, 2.5 ** 3 * big)
print(divmod(-big, 7.5), -big // 2.0, (-big) % 3.0)
print(big == float(big), big > float(big), float(big) == 2.0**80, big < 2.0**80 + 2**28)
print(2**1023 * 2 > 1.7e308, 2**1024 > 1.7976931348623157e308, -(2**1024) < -1.7976931348623157e308)
print(10**309 > float("inf"), 10**309 < float("inf"), 10**309 == float("nan"), 10**309 != float("nan"))
print(max(1e30, 10**30, 10**30 + 1), min(-1e30, -(10**30)), sorted([1e19, 10**19 - 1, 10**19, 2**64, 1.8e19]))
for x in [2**53 + 1, 2**64 + 2**11, 2**64 + 2**11 + 1, 2**64 + 3 * 2**11, 10**22, 10**23, 3**40, -(7**30)]:
    print(x, float(x), int(float(x)) - x)
print(1 / 2**100, 2**100 / 3, -(2**100) / 7, (10**30) / (10**10), 10**30 / 3**20, 1 / -(2**70))
print((2**1100) / (2**1000), (2**80 + 1) / (2**80), 7 / 10**400, -(10**400) / 10**398)
print(int(1e300) % 10**9, int(-2.5e20), int(1.5e19), int(2.0**70) == 2**70, round(1.5e20), round(-2.5e19))
print(round(10**25 + 5 * 10**5, -6), round(15 * 10**20, -21), round(25 * 10**20, -21), round(-35 * 10**20, -21))
print(math.floor(1e25), math.ceil(-1e25), math.trunc(2.0**70), math.floor(2**90), math.ceil(10**30 + 1))
print((2.0**70).as_integer_ratio(), (1e-5).as_integer_ratio(), (-2.5e30).as_integer_ratio(), (2**90).as_integer_ratio())
print(math.log(10**500), math.log2(2**2000), math.log10(10**400), math.log(2**1200, 2), math.log(10**30))
print(math.sqrt(10**100), math.pow(2**60, 2), math.hypot(3 * 10**20, 4 * 10**20), math.fsum([10**20, 1.0, -(10**20)]))
print(math.isclose(10**20, 1e20), math.isfinite(10**300), abs(-2.0**70) == abs(-(2**70)))
print(sum([0.5, 2**70, 0.25]), sum([2**70, 2**70, -(2**71)]), sum(x / 2**60 for x in range(2**61, 2**61 + 4)))
