# lambda and closures
square = lambda x: x * x
add = lambda a, b=10: a + b
print(square(7), add(1), add(1, 2), (lambda: "no args")())
def make_multiplier(n):
    def mul(x):
        return x * n
    return mul
double = make_multiplier(2)
triple = make_multiplier(3)
print(double(5), triple(5), double(triple(2)))
def make_counter():
    count = 0
    def inc(step=1):
        nonlocal count
        count += step
        return count
    return inc
c1 = make_counter()
c2 = make_counter()
print(c1(), c1(), c1(10), c2(), c1())
funcs = [lambda x, i=i: x + i for i in range(4)]
print([f(100) for f in funcs])
late = [lambda x: x + i for i in range(4)]
print([f(100) for f in late])
def compose(f, g):
    return lambda x: f(g(x))
inc_then_sq = compose(square, lambda x: x + 1)
print(inc_then_sq(3), compose(str, abs)(-12))
def accumulator():
    items = []
    def add_item(x):
        items.append(x)
        return list(items)
    return add_item
acc = accumulator()
print(acc(1), acc("two"), acc(None))
def outer():
    x = "outer"
    def middle():
        def inner():
            return x + "!"
        return inner()
    return middle()
print(outer())
print(sorted([(1, "b"), (2, "a"), (0, "c")], key=lambda p: p[1]))
print(list(map(lambda x: x * 2, [1, 2, 3])), list(filter(lambda s: s, ["", "a", "", "b"])))
def make_ops():
    return {"add": lambda a, b: a + b, "sub": lambda a, b: a - b, "mul": lambda a, b: a * b}
ops = make_ops()
for name in ops:
    print(name, ops[name](7, 3))
print((lambda *a, **k: (a, k))(1, 2, z=3))
