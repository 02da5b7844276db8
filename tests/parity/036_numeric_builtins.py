# sum/abs/round/divmod/pow, banker's rounding
print(round(0.5), round(1.5), round(2.5), round(3.5), round(-0.5), round(-1.5), round(-2.5))
print(round(2.675, 2), round(1.005, 2), round(0.125, 2), round(0.375, 2))
print(round(3.14159, 3), round(-3.14159, 1), round(1234.5678, -2), round(1250, -2), round(1350, -2))
print(round(7), round(7.0), type(round(7.4)).__name__, type(round(7.4, 1)).__name__)
print(round(15, -1), round(25, -1), round(-25, -1), round(0.0), round(-0.4))
print(abs(-5), abs(5), abs(-5.5), abs(0), abs(-0.0), abs(True))
print(divmod(20, 6), divmod(-20, 6), divmod(20, -6), divmod(0, 3))
print(divmod(5.5, 2), divmod(-5.5, 2))
print(pow(2, 8), pow(2, -2), pow(-3, 3), pow(4, 0.5), pow(3, 4, 5), pow(10, 9, 7))
print(2 ** 61, 3 ** 38, (-2) ** 61)
print(sum([1, 2, 3]), sum([1, 2, 3], 10), sum([0.1, 0.2, 0.3]), sum([[1], [2]], []))
print(sum(range(1, 1001)), sum(x for x in range(100) if x % 7 == 0))
print(sum([True, True, False]), sum([1.5, -1.5]), sum(()))
print(min(3, 1, 2), max([5, 9, 1]), min("hello"), max("hello"))
print(min([], default=0), max([], default="none"), min([4], default=0))
print(max([-3, 2, -7], key=abs), min(["bb", "a", "ccc"], key=len))
print(max(1, 2.5), max(2.5, 3), min(-1, -1.0), max(True, 0))
try:
    max([])
except ValueError as e:
    print(type(e).__name__, e)
try:
    min()
except TypeError as e:
    print(type(e).__name__, e)
try:
    pow(0, -1)
except ZeroDivisionError as e:
    print(type(e).__name__, e)
for v in [0.05, 0.15, 0.25, 0.35, 0.45, 10.5, 11.5, 1e-7]:
    print(v, round(v, 1), round(v), f"{v:.1f}")
print(7 / 2, 7 // 2, -7 / 2, -7 // 2, 7 % 3, -7 % 3, 7.0 // 2)
print(10 ** 18, 10 ** 18 // 7, 10 ** 18 % 7, -(10 ** 18) // 7)
