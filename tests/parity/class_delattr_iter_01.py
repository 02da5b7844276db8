# __delattr__ and object.__delattr__; iter() returns what __iter__ returns
class Guarded:
    def __init__(self):
        self.keep = 1
        self.tmp = 2

    def __delattr__(self, name):
        if name == "keep":
            print("refusing to delete", name)
            return
        print("deleting", name)
        object.__delattr__(self, name)


g = Guarded()
del g.tmp
del g.keep
print(sorted(vars(g)))
try:
    del g.nothing
except AttributeError as e:
    print("AttributeError:", e)


class Countdown:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n == 0:
            raise StopIteration
        self.n -= 1
        return self.n


c = Countdown(3)
it = iter(c)
print(it is c, type(it).__name__, next(it), list(it))


class Pair:
    def __iter__(self):
        return iter([1, 2])


print(list(iter(Pair())), list(Pair()))
