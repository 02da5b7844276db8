# isinstance, issubclass, type(x).__name__
values = [0, -7, 2.5, True, None, "s", [1], (1,), {"a": 1}, {1}, frozenset(), range(3), len, lambda: 0]
for v in values:
    print(type(v).__name__)
print(isinstance(True, int), isinstance(True, bool), isinstance(1, bool))
print(isinstance(1, (str, float)), isinstance(1.0, (str, float)))
print(isinstance("x", str), isinstance([], list), isinstance((), tuple))
print(isinstance({}, dict), isinstance(set(), set), isinstance(None, type(None)))
print(issubclass(bool, int), issubclass(int, bool), issubclass(int, object))
print(issubclass(KeyError, LookupError), issubclass(IndexError, LookupError))
print(issubclass(ZeroDivisionError, ArithmeticError), issubclass(ValueError, Exception))
print(issubclass(TypeError, (ValueError, TypeError)))
print(type(1) == int, type(True) == int, type(True) is bool, type("") is str)
print(type(3) is type(4), type(3) is type(3.0))
print(type(type(1)).__name__, int.__name__, str.__name__, list.__name__)

class A:
    pass

class B(A):
    pass

b = B()
print(type(b).__name__, type(b) is B, type(b) is A, isinstance(b, A))
print(issubclass(B, A), issubclass(A, B), issubclass(B, object))
print(B.__name__, A.__name__, type(b).__name__.lower())

def kind(x):
    if isinstance(x, bool):
        return "bool"
    if isinstance(x, int):
        return "int"
    if isinstance(x, float):
        return "float"
    if isinstance(x, str):
        return "str"
    if isinstance(x, (list, tuple)):
        return "sequence of %d" % len(x)
    if isinstance(x, dict):
        return "mapping"
    return "other:" + type(x).__name__

print([kind(v) for v in [False, 3, 3.0, "3", [3], (3, 3), {}, None, b]])
print(int, str, float, bool, list, dict, tuple, set)
print(type(5), type("a"), type(None), type([]))
print(B, type(b))
