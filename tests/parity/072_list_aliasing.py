# Lists: aliasing, copying, in-place vs new objects, mutation in functions
a = [1, 2, 3]
b = a
c = a[:]
d = list(a)
e = a.copy()
a.append(4)
print(a, b, c, d, e)
print(a is b, a is c, a == b, c == d == e)
def mutate(lst):
    lst.append("mutated")
    lst[0] = "first"
def rebind(lst):
    lst = ["new"]
    lst.append("local")
    return lst
x = [0, 1]
mutate(x)
print(x)
print(rebind(x), x)
y = x
y += ["plus-equals"]
print(x is y, x)
y = y + ["plus"]
print(x is y, len(x), len(y))
nested = [[1, 2], [3, 4]]
shallow = nested[:]
deep = [row[:] for row in nested]
nested[0].append(99)
nested.append([5])
print(nested, shallow, deep)
row = [0] * 3
grid_bad = [row] * 3
grid_bad[0][0] = "X"
print(grid_bad)
grid_ok = [[0] * 3 for _ in range(3)]
grid_ok[0][0] = "X"
print(grid_ok)
s = [5, 3, 1]
t = sorted(s)
s.sort()
print(s, t, s is t, s == t)
r = s.reverse()
print(r, s)
items = [1, 2, 3, 4, 5, 6]
items[:] = [v for v in items if v % 2]
print(items)
items[len(items):] = [7, 9]
print(items)
items[:0] = [-1]
print(items, items.pop(), items.pop(0), items)
stack = []
stack.extend("abc")
stack += "de"
print(stack, stack * 0, stack[::-2])
pairs = [[0, 0]] * 2
pairs[0] = [1, 1]
print(pairs)
