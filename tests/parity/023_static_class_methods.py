# @staticmethod and @classmethod
class Temperature:
    unit = "C"
    instances = 0
    def __init__(self, degrees):
        self.degrees = degrees
        Temperature.instances += 1
    @staticmethod
    def c_to_f(c):
        return c * 9 / 5 + 32
    @staticmethod
    def is_freezing(c):
        return c <= 0
    @classmethod
    def from_fahrenheit(cls, f):
        return cls((f - 32) * 5 / 9)
    @classmethod
    def describe_class(cls):
        return f"{cls.__name__} in {cls.unit}, {cls.instances} made"
    def __repr__(self):
        return f"{type(self).__name__}({self.degrees:.1f})"
print(Temperature.c_to_f(100), Temperature.c_to_f(-40), Temperature.c_to_f(37.5))
print(Temperature.is_freezing(0), Temperature.is_freezing(0.5))
t = Temperature.from_fahrenheit(212)
print(t, t.degrees)
print(Temperature.describe_class())
t2 = Temperature(21.456)
print(t2, t2.c_to_f(t2.degrees), t2.describe_class())
class Kelvin(Temperature):
    unit = "K"
k = Kelvin.from_fahrenheit(32)
print(k, type(k).__name__, isinstance(k, Temperature))
print(Kelvin.describe_class())
class Registry:
    items = []
    @classmethod
    def register(cls, name):
        cls.items.append(name)
        return len(cls.items)
    @staticmethod
    def normalize(name):
        return name.strip().lower()
for raw in ["  Alpha", "BETA ", " gamma "]:
    print(Registry.register(Registry.normalize(raw)))
print(Registry.items)
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    @classmethod
    def origin(cls):
        return cls(0, 0)
    @staticmethod
    def distance_sq(a, b):
        return (a.x - b.x) ** 2 + (a.y - b.y) ** 2
o = Point.origin()
p = Point(3, 4)
print(o.x, o.y, Point.distance_sq(o, p), p.distance_sq(p, o))
