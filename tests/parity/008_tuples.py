# Tuples
t = (1, 2, 3)
print(t, len(t), t[0], t[-1])
print((), (1,), (1, 2), tuple(), tuple([4, 5]), tuple("ab"))
print(t + (4, 5), t * 2, (0,) * 3)
print(t.index(2), t.count(1), (1, 1, 1).count(1))
print(2 in t, 9 in t)
print((1, 2) < (1, 3), (1, 2) < (1, 2, 0), (2,) > (1, 99), () < (0,))
print((1, 2) == (1, 2), (1, 2) == [1, 2])
a, b, c = t
print(a, b, c)
x, y = 10, 20
x, y = y, x
print(x, y)
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = "hello"
print(init, last)
head, *mid, tail = range(6)
print(head, mid, tail)
p, *q = [7]
print(p, q)
(m, n), o = (1, 2), 3
print(m, n, o)
for i, (k, v) in enumerate([("a", 1), ("b", 2)]):
    print(i, k, v)
nested = ((1, 2), (3, (4, 5)), ())
print(nested, nested[1][1][1])
print(tuple(x * x for x in range(5)))
print(max((3, "c"), (3, "a"), (1, "z")))
print(sorted([(2, "b"), (1, "z"), (2, "a")]))
single = 5,
print(single, type(single).__name__)
try:
    t[0] = 9
except TypeError as e:
    print(type(e).__name__, e)
try:
    a, b = (1, 2, 3)
except ValueError as e:
    print(type(e).__name__, e)
try:
    a, b, c = (1, 2)
except ValueError as e:
    print(type(e).__name__, e)
try:
    (1, 2).index(5)
except ValueError as e:
    print(type(e).__name__, e)
print(t[1:], t[::-1], t[:0])
print(repr(("a", 'b"c', "d'e")))
