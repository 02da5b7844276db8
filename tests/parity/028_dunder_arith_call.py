# __add__, __call__ and friends
class Vec:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __add__(self, other):
        return Vec(self.x + other.x, self.y + other.y)
    def __sub__(self, other):
        return Vec(self.x - other.x, self.y - other.y)
    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)
    def __neg__(self):
        return Vec(-self.x, -self.y)
    def __eq__(self, other):
        return self.x == other.x and self.y == other.y
    def __abs__(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5
    def __repr__(self):
        return f"Vec({self.x}, {self.y})"
a = Vec(1, 2)
b = Vec(3, -4)
print(a + b, a - b, a * 3, -a, abs(b))
print(a + b == Vec(4, -2), a == b)
c = a
c += b
print(c, a)
total = Vec(0, 0)
for v in [Vec(1, 1), Vec(2, 2), Vec(-5, 0)]:
    total = total + v
print(total)
try:
    a + 5
except AttributeError as e:
    print(type(e).__name__, e)
class Multiplier:
    def __init__(self, factor):
        self.factor = factor
        self.calls = 0
    def __call__(self, x, bonus=0):
        self.calls += 1
        return x * self.factor + bonus
m = Multiplier(4)
print(m(5), m(1, bonus=100), m.calls)
print(list(map(m, [1, 2, 3])), m.calls)
class Poly:
    def __init__(self, *coeffs):
        self.coeffs = coeffs
    def __call__(self, x):
        return sum(c * x ** i for i, c in enumerate(self.coeffs))
    def __add__(self, other):
        n = max(len(self.coeffs), len(other.coeffs))
        pad = lambda cs: list(cs) + [0] * (n - len(cs))
        return Poly(*[p + q for p, q in zip(pad(self.coeffs), pad(other.coeffs))])
    def __len__(self):
        return len(self.coeffs)
p = Poly(1, 2, 3)
q = Poly(0, 0, 0, 1)
print([p(x) for x in range(-2, 3)])
print((p + q).coeffs, len(p + q), (p + q)(2))
