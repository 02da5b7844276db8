# List operations and methods
a = [3, 1, 4, 1, 5, 9, 2, 6]
print(a, len(a))
a.append(5)
print(a)
a.extend([3, 5])
print(a)
a.insert(0, 100)
a.insert(-1, 200)
a.insert(50, 300)
print(a)
print(a.pop(), a.pop(0), a.pop(2))
print(a)
a.remove(1)
print(a)
print(a.index(5), a.count(5), a.count(42))
a.sort()
print(a)
a.sort(reverse=True)
print(a)
a.reverse()
print(a)
b = a.copy()
b.clear()
print(a, b)
print([] + [1], [1, 2] * 3, [0] * 0, [[]] * 2)
print(1 in a, 42 in a, 42 not in a)
print([1, 2, 3] == [1, 2, 3], [1, 2] < [1, 3], [1, 2] < [1, 2, 0], [] < [0])
nested = [[1, 2], [3, [4, 5]], []]
print(nested, nested[1][1][0], len(nested))
del a[0]
print(a)
del a[1:3]
print(a)
a[0] = "x"
print(a)
a[1:2] = [7, 8, 9]
print(a)
words = ["pear", "Apple", "fig", "banana"]
print(sorted(words), sorted(words, key=lambda w: w.lower()), sorted(words, key=len))
print(min(words), max(words), min(words, key=len))
try:
    [].pop()
except IndexError as e:
    print(type(e).__name__, e)
try:
    [1, 2].remove(3)
except ValueError as e:
    print(type(e).__name__, e)
try:
    print([1, 2, 3][10])
except IndexError as e:
    print(type(e).__name__, e)
try:
    [1].index(2)
except ValueError as e:
    print(type(e).__name__, e)
print(list("abc"), list(range(5)), list((1, 2)), list())
print([x for x in [1, "a", None, 2.5, True]])
