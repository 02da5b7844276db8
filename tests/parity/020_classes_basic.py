# Classes: __init__, methods, class attributes, instance attributes
class Dog:
    species = "Canis familiaris"
    count = 0
    def __init__(self, name, age=1):
        self.name = name
        self.age = age
        self.tricks = []
        Dog.count += 1
    def add_trick(self, trick):
        self.tricks.append(trick)
        return self
    def describe(self):
        return f"{self.name} ({self.age}) knows {len(self.tricks)} tricks"
    def birthday(self):
        self.age += 1
rex = Dog("Rex", 3)
fido = Dog("Fido")
rex.add_trick("sit").add_trick("roll")
print(rex.describe())
print(fido.describe())
fido.birthday()
fido.birthday()
print(fido.age, rex.age)
print(Dog.count, rex.count, Dog.species, fido.species)
rex.species = "override"
print(rex.species, fido.species, Dog.species)
print(rex.tricks, fido.tricks)
print(type(rex).__name__, isinstance(rex, Dog), isinstance(5, Dog))
print(hasattr(rex, "name"), hasattr(rex, "color"))
print(getattr(rex, "age"), getattr(rex, "color", "unknown"))
setattr(rex, "color", "brown")
print(rex.color, getattr(rex, "color"))
try:
    print(fido.color)
except AttributeError as e:
    print(type(e).__name__, e)
class Empty:
    pass
e = Empty()
e.x = 10
e.y = [1, 2]
print(e.x, e.y, type(e).__name__)
method = rex.describe
print(method())
print(Dog.describe(fido))
class Counter:
    def __init__(self):
        self.value = 0
    def increment(self, by=1):
        self.value += by
        return self.value
c = Counter()
results = [c.increment() for _ in range(3)] + [c.increment(by=10)]
print(results, c.value)
