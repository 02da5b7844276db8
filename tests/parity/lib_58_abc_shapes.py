# abc: abstract base classes for shapes; instantiating abstract classes raises TypeError
from abc import ABC, abstractmethod
import math


class Shape(ABC):
    def __init__(self, name):
        self.name = name

    @abstractmethod
    def area(self):
        ...

    @abstractmethod
    def perimeter(self):
        ...

    def describe(self):
        return f"{self.name}: area={self.area():.2f} perimeter={self.perimeter():.2f}"


class Circle(Shape):
    def __init__(self, r):
        super().__init__("circle")
        self.r = r

    def area(self):
        return math.pi * self.r ** 2

    def perimeter(self):
        return 2 * math.pi * self.r


class Rect(Shape):
    def __init__(self, w, h):
        super().__init__("rect")
        self.w, self.h = w, h

    def area(self):
        return self.w * self.h

    def perimeter(self):
        return 2 * (self.w + self.h)


class HalfDone(Shape):
    def area(self):
        return 0


for s in [Circle(1), Rect(3, 4), Circle(2.5)]:
    print(s.describe())
for cls in (Shape, HalfDone):
    try:
        cls("x")
    except TypeError as e:
        print("TypeError:", e)
print("abstract methods:", sorted(Shape.__abstractmethods__), sorted(HalfDone.__abstractmethods__))
print("isinstance:", isinstance(Rect(1, 1), Shape), issubclass(Circle, ABC))


class Sized(ABC):
    @classmethod
    def __subclasshook__(cls, C):
        return hasattr(C, "__len__") or NotImplemented


class Plugin(ABC):
    pass


class Legacy:
    pass


Plugin.register(Legacy)
print("virtual subclass:", isinstance(Legacy(), Plugin), issubclass(list, Sized), issubclass(int, Sized))
