# Tuple/list unpacking including starred
a, b, c = [1, 2, 3]
print(a, b, c)
a, b = b, a
print(a, b)
x, (y, z) = 1, (2, 3)
print(x, y, z)
first, *middle, last = [10, 20, 30, 40, 50]
print(first, middle, last)
*beginning, end = (1,)
print(beginning, end)
start, *rest = "abcd"
print(start, rest)
a, *b, c, d = range(6)
print(a, b, c, d)
[p, q] = "xy"
print(p, q)
for name, (lo, hi) in [("r1", (0, 5)), ("r2", (-3, 3))]:
    print(name, lo, hi, hi - lo)
for idx, *others in [(1, 2, 3), (4,), (5, 6)]:
    print(idx, others)
def stats(nums):
    return min(nums), max(nums), sum(nums) / len(nums)
lo, hi, avg = stats([4, 8, 15, 16, 23, 42])
print(lo, hi, avg)
pairs = {"a": 1, "b": 2}
for k, v in pairs.items():
    print(k, v)
merged = [*range(3), *"ab", *[None]]
print(merged)
t = (*[1, 2], 3)
print(t)
d1 = {"x": 1, "y": 2}
d2 = {**d1, "y": 20, "z": 30}
print(d2)
s = {*range(3), 5}
print(s)
def f(a, b, c=0, *args, **kw):
    return a, b, c, args, kw
print(f(*[1, 2]), f(*(1, 2, 3, 4)), f(1, *[2], **{"c": 9, "k": 0}))
(a, b), c = [[1, 2], 3]
print(a, b, c)
try:
    first, *rest, last = [1]
except ValueError as e:
    print(type(e).__name__, e)
try:
    a, b = 5
except TypeError as e:
    print(type(e).__name__, e)
m, n = divmod(47, 5)
print(m, n)
i = j = k = 0
i += 1
print(i, j, k)
