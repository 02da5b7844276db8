# Big ints meet floats: comparisons are exact, conversions round
big = 2**53 + 1
print(big == float(big), float(big) == 2**53)
print(big > 2.0**53, big < 2.0**53 + 2)
print(2**1000 > 1e300, 2**1100 > 1e308)
print(10**400 > float("inf"), -(10**400) < float("-inf"))
print(10**400 < float("inf"))
print(2**63 == 9.223372036854775808e18)
print(int(1e20), int(-1.5e19), int(2.5), int(-2.5))
print(float(10**22), float(10**23))
print(float(2**1023) * 2)
try:
    float(2**1024)
except OverflowError as e:
    print("OverflowError:", e)
try:
    int(float("inf"))
except OverflowError as e:
    print("OverflowError:", e)
try:
    int(float("nan"))
except ValueError as e:
    print("ValueError:", e)
print((2**70) / 2**69, 2**70 / 3)
print(max(3.5, 2**64, 1e19), min(-(2**64), -1e19))
print(sorted([2**64, 1.8e19, 18446744073709551615, 1.9e19]))
print(round(2.675, 2), round(10**20 / 3))
print((10**20 + 1) == 1e20, (10**20) == 1e20)
print(1 == 1.0, 0.1 + 0.2 == 0.3, abs(0.1 + 0.2 - 0.3) < 1e-12)
print(divmod(2**70, 3.0))
print((2.0**70).is_integer(), float(2**70 + 1).is_integer(), int(2.0**70) == 2**70)
print(float.fromhex("0x1p100") == 2**100, (2.0**100).hex())
