# functools: singledispatch on classes, partialmethod, cmp_to_key,
# lru_cache with keyword arguments, reduce over records
from functools import singledispatch, singledispatchmethod, partialmethod, partial, cmp_to_key, lru_cache, reduce, total_ordering, wraps


@singledispatch
def describe(obj):
    return f"object {obj!r}"


@describe.register
def _(obj: int):
    return f"int {obj}"


@describe.register(list)
def _(obj):
    return "list of " + ", ".join(describe(x) for x in obj)


class Shape:
    pass


class Circle(Shape):
    pass


@describe.register
def _(obj: Shape):
    return f"shape {type(obj).__name__}"


print(describe(3), describe(True), describe([1, "a"]), describe(Circle()), describe(2.5))
print(describe.dispatch(bool).__name__, sorted(t.__name__ for t in describe.registry))


class Formatter:
    @singledispatchmethod
    def fmt(self, arg):
        return f"?{arg}"

    @fmt.register
    def _(self, arg: int):
        return f"#{arg}"


print(Formatter().fmt(5), Formatter().fmt("x"))


class Cell:
    def __init__(self):
        self.alive = False

    def set_state(self, state):
        self.alive = state

    revive = partialmethod(set_state, True)
    kill = partialmethod(set_state, False)


c = Cell()
c.revive()
print(c.alive)
c.kill()
print(c.alive)
words = ["banana", "Apple", "cherry", "apple", "Banana"]
print(sorted(words, key=cmp_to_key(lambda a, b: (a.lower() > b.lower()) - (a.lower() < b.lower()))))


@lru_cache(maxsize=2)
def area(w, h=1):
    print(f"  computing {w}x{h}")
    return w * h


print(area(2), area(2, h=1), area(2, 1), area(3), area(2))
print(area.cache_info())
records = [{"name": "a", "n": 3}, {"name": "b", "n": 5}]
print(reduce(lambda acc, r: acc + r["n"], records, 0))
p = partial(int, "ff")
print(p(base=16), repr(partial(max, 1, 2)).startswith("functools.partial(<built-in function max>"), p.args)


@total_ordering
class Money:
    def __init__(self, cents):
        self.cents = cents

    def __eq__(self, other):
        return self.cents == other.cents

    def __gt__(self, other):
        return self.cents > other.cents


print(Money(3) <= Money(4), Money(5) >= Money(5), Money(1) < Money(0))


def logged(func):
    @wraps(func)
    def inner(*args, **kwargs):
        return func(*args, **kwargs)
    return inner


@logged
def helper(x):
    "Help with x."
    return x


print(helper.__name__, helper.__doc__, helper.__wrapped__(7), helper.__module__)
