# default reprs of builtin and user objects (addresses cut off), and
# iter(callable, sentinel)


def shape(x):
    return repr(x).split(" at ")[0]


class A:
    def method(self):
        return 1


class B(A):
    pass


def f():
    pass


def outer():
    return (x for x in [1])


print(shape(object()), shape(A()), shape(B()))
print(object.__repr__(A()).split(" at ")[0], object.__repr__(object()).split(" at ")[0])
print(shape(iter([])), shape(iter(())), shape(iter("abc")), shape(iter("é")), shape(iter(range(2))))
print(shape(iter({})), shape(iter({}.values())), shape(iter({}.items())), shape(iter(set())))
print(shape(zip()), shape(map(f, [])), shape(filter(None, [])), shape(enumerate([])))
print(shape(reversed([])), shape(reversed(())), shape(reversed("ab")), shape(reversed({})), shape(reversed(range(2))))
print(shape(f), shape(A), shape(A.method), shape(A().method), shape(len), shape([].append))
print(shape(object.__init__), shape(A().__init__), shape(str.join))
print(shape(outer()), shape(x for x in "ab"))
print(shape(staticmethod(f)), shape(classmethod(f)), shape(property()))
print(shape(super(B, B())), shape(NotImplemented), shape(Ellipsis), shape(slice(1, 2)))
print(shape(iter(f, None)), shape(type(None)), shape(int), shape(ValueError("v")))

# iter(callable, sentinel): call until the sentinel comes back
data = [3, 1, 4, 1, 5, 9, 2, 6, 0, 7]
pos = [0]


def read():
    v = data[pos[0]]
    pos[0] += 1
    return v


print(list(iter(read, 0)))
print(pos[0], next(iter(read, 0)))

lines = ["a", "b", "", "c"]
it = iter(lines.pop, "b")
print(list(it), lines)
print(list(it))  # exhausted for good

count = [0]


def tick():
    count[0] += 1
    if count[0] > 3:
        raise StopIteration
    return count[0]


print(list(iter(tick, None)), count[0])


class Block:
    def __init__(self):
        self.n = 0

    def __call__(self):
        self.n += 1
        return "x" * (3 - self.n) if self.n < 4 else ""


print([s for s in iter(Block(), "")])
pos[0] = 4
it = iter(read, 9)
print(next(it), next(it, "done"), next(it, "done"))
for bad in [(1, 2), (None, 0)]:
    try:
        iter(*bad)
    except TypeError as e:
        print(type(e).__name__, e)
try:
    iter(f, 1, 2)
except TypeError as e:
    print(type(e).__name__, e)
