# Inheritance, super(), method overriding
class Shape:
    def __init__(self, name):
        self.name = name
    def area(self):
        return 0
    def describe(self):
        return f"{self.name} with area {self.area():.2f}"
class Rectangle(Shape):
    def __init__(self, w, h):
        super().__init__("rectangle")
        self.w = w
        self.h = h
    def area(self):
        return self.w * self.h
class Square(Rectangle):
    def __init__(self, side):
        super().__init__(side, side)
        self.name = "square"
class Circle(Shape):
    def __init__(self, r):
        super().__init__("circle")
        self.r = r
    def area(self):
        return 3.14159 * self.r ** 2
    def describe(self):
        base = super().describe()
        return base + f" (radius {self.r})"
shapes = [Shape("blob"), Rectangle(3, 4), Square(5), Circle(1.5)]
for s in shapes:
    print(s.describe())
print(sorted(s.name for s in shapes))
print(isinstance(shapes[2], Rectangle), isinstance(shapes[2], Shape), isinstance(shapes[1], Square))
print(issubclass(Square, Shape), issubclass(Shape, Square), issubclass(Circle, Circle))
print([type(s).__name__ for s in shapes])
print(max(shapes, key=lambda s: s.area()).name)
class Animal:
    sound = "..."
    def speak(self):
        return f"{type(self).__name__} says {self.sound}"
class Cat(Animal):
    sound = "meow"
class Lion(Cat):
    sound = "roar"
    def speak(self):
        return super().speak().upper()
for a in (Animal(), Cat(), Lion()):
    print(a.speak())
print(Lion.sound, Cat.sound, Animal.sound)
