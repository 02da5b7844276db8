# Operator precedence and mixed int/float/bool arithmetic
print(2 + 3 * 4, (2 + 3) * 4, 2 ** 3 ** 2, (2 ** 3) ** 2, -2 ** 2, (-2) ** 2)
print(10 - 4 - 3, 10 - (4 - 3), 100 / 10 / 5, 2 * 3 % 4, 2 * (3 % 4), 7 // 2 * 2)
print(1 + 2 < 4, 1 < 2 == 2, not 1 == 2, not (1 and 0), 1 | 2 ^ 3 & 4, (1 | 2) ^ (3 & 4))
print(-3 // 2, -(3 // 2), ~5 + 1, -~5, 1 << 2 + 1, (1 << 2) + 1, 16 >> 1 >> 1)
print(2 ** -1, -2 ** -1, 3 * -1, 4 - -4, +-+3, --5)
print(1 + True, 1.5 + True, 3 * False, 2 ** True, 10 / True, True + True * True)
print(1 == 1.0, 1 != 1.0, 0 == -0.0, 2 ** 53 == 2.0 ** 53, 0.5 == 1 / 2)
print(3 < 3.5 < 4, -1 < -0.5, 10 > 9.99, 1e3 == 1000, int(1e3) is not None)
print(7 / 7, type(7 / 7).__name__, 2 * 1.0, type(2 * 1.0).__name__, 6 // 2.0, 6 % 4.0)
print(max(1, 1.0), max(1.0, 1), min(0, -0.0), min(-0.0, 0), sorted([3, 1.5, True, 0, -2.5]))
print({1: "int"}[1.0], {1.0: "float"}[1], {True: "bool"}[1], 1 in [1.0], 1.0 in {1})
print("ab" * 2 + "c", "-" * 3 * 2, [0] * 2 * 3, (1,) * 2 + (2,))
a = 5
a += a * 2
print(a)
a -= 1 + 1
print(a)
a *= 2 + 3
print(a)
a //= 2 ** 2
print(a)
a **= 2
print(a)
a %= 7 + 3
print(a)
b = c = [1]
b += [2]
print(b, c, b is c)
t = u = (1,)
t += (2,)
print(t, u, t is u)
s = "x"
s *= 3
print(s)
x = 10
print(x if x > 5 else -x, x - 1 if x else 0, (lambda v: v * 2)(x) + 1, not x - 10)
print(5 % 3 ** 2, (5 % 3) ** 2, -5 % 3, 5 % -3, -5 // 3 * 3 + -5 % 3)
print(0.1 * 3 == 0.3, abs(0.1 * 3 - 0.3) < 1e-9, 1 / 3 * 3 == 1.0, 2 / 3 * 3)
