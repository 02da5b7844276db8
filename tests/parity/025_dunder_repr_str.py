# __repr__ and __str__ and how containers use them
class Both:
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return f"Both({self.v!r})"
    def __str__(self):
        return f"<both {self.v}>"

class ReprOnly:
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return f"ReprOnly(v={self.v})"

class StrOnly:
    def __str__(self):
        return "str-only"

b = Both("x")
r = ReprOnly(3)
print(b)
print(repr(b))
print(str(b), f"{b}", f"{b!r}")
print([b, r])
print({"key": b}, (b,))
print(r, str(r), [r, r])
print(StrOnly(), str(StrOnly()), "%s" % StrOnly())
print("%r | %s" % (b, b))
print("{} | {!r}".format(b, b))
print(Both(Both(1)))
print(repr(Both("quote's")))
print([Both([1, 2]), Both(None)])

class Money:
    def __init__(self, cents):
        self.cents = cents
    def __str__(self):
        sign = "-" if self.cents < 0 else ""
        c = abs(self.cents)
        return f"{sign}${c // 100}.{c % 100:02d}"
    def __repr__(self):
        return f"Money({self.cents})"

for c in [0, 5, 99, 100, 12345, -250]:
    m = Money(c)
    print(str(m), repr(m))
print([Money(1), Money(-1)])
print(f"{Money(100)!s:>10}|")
