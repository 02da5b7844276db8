# functools.partial and reduce: configuring callables and folding sequences
from functools import partial, reduce
import operator


def power(base, exponent):
    return base ** exponent


def send(message, *, to, priority="normal", retries=0):
    return f"to={to} priority={priority} retries={retries}: {message}"


square = partial(power, exponent=2)
cube = partial(power, exponent=3)
two_to = partial(power, 2)
print([square(n) for n in range(6)])
print([cube(n) for n in range(6)])
print([two_to(n) for n in range(6)])
print(square.func.__name__, square.args, square.keywords)

urgent = partial(send, priority="high", retries=3)
print(urgent("server down", to="ops"))
print(urgent("override", to="dev", priority="low"))
to_admin = partial(urgent, to="admin")
print(to_admin("nested partial"))
print(to_admin.func is send, to_admin.keywords)

parse_hex = partial(int, base=16)
print([parse_hex(s) for s in ("ff", "10", "7fffffff")])

print(reduce(operator.add, [1, 2, 3, 4, 5]))
print(reduce(operator.mul, range(1, 11), 1))
print(reduce(lambda acc, w: acc + len(w), ["ab", "cde", "f"], 0))
print(reduce(max, [3, 9, 2, 7]))
print(reduce(operator.add, [], "empty start"))
try:
    reduce(operator.add, [])
except TypeError as e:
    print("TypeError:", e)


def compose(*funcs):
    return reduce(lambda f, g: lambda x: g(f(x)), funcs)


pipeline = compose(str.strip, str.lower, lambda s: s.replace(" ", "-"))
print(pipeline("  Hello World From Python  "))
nested = {"a": {"b": {"c": 42}}}
print(reduce(operator.getitem, ["a", "b", "c"], nested))
