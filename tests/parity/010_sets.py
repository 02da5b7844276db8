# Sets and frozensets of small ints
a = {1, 2, 3, 4}
b = {3, 4, 5, 6}
print(a, b, len(a))
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union(b), a.intersection(b), a.difference(b), a.symmetric_difference(b))
print(a <= b, {1, 2} <= a, {1, 2} < a, a < a, a >= {1})
print(a.issubset({1, 2, 3, 4, 5}), a.issuperset({2}), a.isdisjoint({9, 10}))
print(3 in a, 9 in a, 9 not in a)
s = set()
print(s, len(s), bool(s))
s.add(5)
s.add(1)
s.add(5)
print(s)
s.update([7, 8], {9})
print(s)
s.discard(100)
s.discard(7)
print(s)
s.remove(8)
print(s)
try:
    s.remove(100)
except KeyError as e:
    print(type(e).__name__, e)
print(set([3, 3, 1, 2, 1]), set(range(5)), set((0, 0)))
print(sorted({5, 3, 9, 1}), sorted({5, 3, 9, 1}, reverse=True))
print(sum({1, 2, 3}), max({4, 8, 2}), min({4, 8, 2}))
fs = frozenset([1, 2, 3])
print(fs, len(fs), 2 in fs, frozenset(), frozenset() == set())
print(fs | {4}, fs & {2, 3, 9})
print({fs: "frozen key"}[frozenset({3, 2, 1})])
c = a.copy()
c.clear()
print(a, c)
print({x % 4 for x in range(10)})
print({1, 2} == {2, 1}, {1} == frozenset({1}))
p = {10, 20, 30}
x = p.pop()
print(x in (10, 20, 30), len(p))
try:
    set().pop()
except KeyError as e:
    print(type(e).__name__, e)
try:
    {[1, 2]}
except TypeError as e:
    print(type(e).__name__, e)
seen = set()
dups = []
for v in [4, 1, 4, 2, 1, 4, 3]:
    if v in seen:
        dups.append(v)
    seen.add(v)
print(seen, dups)
print({4, 0, 2, 1}, {x for x in (3, 3, 0)})
