# enumerate, zip, map, filter, reversed
names = ["ann", "bob", "cy"]
ages = [31, 25, 47, 99]
for i, n in enumerate(names):
    print(i, n)
for i, n in enumerate(names, start=1):
    print(f"{i}. {n}")
print(list(enumerate("ab", 10)), list(enumerate([])))
print(list(zip(names, ages)))
print(list(zip(names, ages, "XYZW")), list(zip()), list(zip([], [1])))
for n, a in zip(names, ages):
    print(f"{n:>4} is {a}")
print(dict(zip(names, ages)))
pairs = [(1, "one"), (2, "two"), (3, "three")]
nums, words = zip(*pairs)
print(nums, words)
print(list(map(str, [1, 2, 3])), list(map(len, names)), list(map(abs, [-1, 0, 2])))
print(list(map(lambda a, b: a * b, [1, 2, 3], [4, 5, 6, 7])))
print(list(map(int, "1 22 333".split())), list(map(float, ["1.5", "-2"])))
print(list(filter(lambda x: x % 3 == 0, range(20))))
print(list(filter(None, [0, 1, "", "a", None, [], [0], False, True])))
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed(range(0, 10, 3))))
print("".join(reversed("stressed")), tuple(reversed((1,))))
m = map(lambda s: s.upper(), names)
print(next(m), list(m), list(m))
z = zip([1, 2], [3, 4])
print(list(z), list(z))
r = reversed([5, 6])
print(next(r), next(r), next(r, "end"))
squares = list(map(lambda x: x ** 2, filter(lambda x: x % 2, range(10))))
print(squares, sum(squares))
print(sorted(zip(ages, names), reverse=True))
print(max(zip(ages, names)), min(enumerate(names), key=lambda p: p[1]))
it = iter([10, 20, 30])
print(next(it), list(it))
for i, (a, b) in enumerate(zip("xyz", range(100, 103))):
    print(i, a, b, end="; ")
print()
try:
    next(iter([]))
except StopIteration:
    print("StopIteration raised")
