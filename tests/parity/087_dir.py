# dir() of user classes, their instances and user exceptions


class Shape:
    """A shape."""
    sides = 0

    def area(self):
        return 0

    @property
    def name(self):
        return type(self).__name__

    @staticmethod
    def unit():
        return 1

    @classmethod
    def make(cls):
        return cls()


class Square(Shape):
    sides = 4

    def __init__(self, size=1):
        self.size = size
        self._cache = None

    def area(self):
        return self.size * self.size

    def __repr__(self):
        return f"Square({self.size})"

    def __eq__(self, other):
        return isinstance(other, Square) and other.size == self.size


print(dir(Shape))
print(dir(Square))
sq = Square(3)
sq.color = "red"
print(dir(sq))
print([n for n in dir(sq) if not n.startswith("_")])
print(dir(Shape()) == dir(Shape), dir(sq) == dir(Square), sorted(set(dir(sq)) - set(dir(Square))))
print(dir(object()))
print(dir(object) == dir(object()))


class Custom:
    def __dir__(self):
        return ["zeta", "alpha", "mid"]


print(dir(Custom()))


class AppError(ValueError):
    code = 7


class Missing(KeyError):
    pass


print(dir(AppError))
print([n for n in dir(AppError("x")) if not n.startswith("__")])
print(dir(Missing("k")) == dir(Missing))


def public(obj):
    return [n for n in dir(obj) if not n.startswith("_")]


class Account:
    rate = 0.01

    def __init__(self, owner):
        self.owner = owner
        self.balance = 0

    def deposit(self, n):
        self.balance += n


acct = Account("ann")
print(public(acct), public(Account))
print([n for n in public(acct) if callable(getattr(acct, n))])
try:
    dir(1, 2)
except TypeError as e:
    print(type(e).__name__, e)
