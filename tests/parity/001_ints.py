# Integer arithmetic basics and edge cases
a = 17
b = 5
print(a + b, a - b, a * b)
print(a // b, a % b, a / b)
print(-a // b, -a % b)
print(a // -b, a % -b)
print(-a // -b, -a % -b)
print(2 ** 10, 2 ** 0, (-2) ** 3)
print(2 ** 61 - 1 + 2 ** 61)
print(-(2 ** 61) - (2 ** 61 - 1))
print(0 // 7, 0 % 7)
print(7 // 1, 7 % 1)
print(abs(-42), abs(0), abs(42))
print(divmod(17, 5), divmod(-17, 5), divmod(17, -5), divmod(-17, -5))
print(pow(3, 4), pow(2, 10, 1000), pow(7, 0))
print(10 == 10, 10 != 10, 3 < 4, 4 <= 4, 5 > 6, 6 >= 7)
print(1 << 10, 1024 >> 3, -16 >> 2)
print(12 & 10, 12 | 10, 12 ^ 10, ~12, ~-1)
print(int("123"), int("-45"), int("  7  "), int("+9"))
print(int(3.9), int(-3.9), int(True), int(False))
print(1_000_000, 0x1F, 0o17, 0b1011)
x = 5
x += 3
print(x)
x -= 10
print(x)
x *= -4
print(x)
x //= 3
print(x)
x %= 5
print(x)
x **= 3
print(x)
x <<= 2
print(x)
x >>= 1
print(x)
print(max(3, -1, 7, 2), min(3, -1, 7, 2))
print(sum([1, 2, 3, 4, 5]), sum([]), sum(range(101)))
print(999999999 * 999999999)
print(123456789 * 1000 + 987654321)
print(str(-0), repr(100), -7 * 0)
print(type(5).__name__, type(5 // 2).__name__, type(5 / 2).__name__)
