# abc: abstract properties and class methods, register() for virtual
# subclasses, __subclasshook__, and abstract classes with concrete helpers
from abc import ABC, abstractmethod


class Storage(ABC):
    @property
    @abstractmethod
    def name(self):
        ...

    @classmethod
    @abstractmethod
    def create(cls):
        ...

    def describe(self):
        return f"{self.name} storage"


class Memory(Storage):
    @property
    def name(self):
        return "memory"

    @classmethod
    def create(cls):
        return cls()


class Broken(Storage):
    @property
    def name(self):
        return "broken"


print(Memory.create().describe(), sorted(Storage.__abstractmethods__), sorted(Broken.__abstractmethods__))
for cls in (Storage, Broken):
    try:
        cls()
    except TypeError as e:
        print("TypeError:", e)


class Drawable(ABC):
    @classmethod
    def __subclasshook__(cls, C):
        if cls is Drawable:
            return any("draw" in B.__dict__ for B in C.__mro__) or NotImplemented
        return NotImplemented


class Square:
    def draw(self):
        return "[]"


class Text:
    pass


print(isinstance(Square(), Drawable), issubclass(Text, Drawable))
Drawable.register(Text)
print(issubclass(Text, Drawable), isinstance(Text(), Drawable), Drawable.register(Square) is Square)


class Plugin(ABC):
    registry = []

    def __init_subclass__(cls):
        Plugin.registry.append(cls.__name__)

    @abstractmethod
    def run(self):
        ...


class Hello(Plugin):
    def run(self):
        return "hello"


class World(Plugin):
    def run(self):
        return "world"


print(Plugin.registry, [c().run() for c in (Hello, World)], isinstance(Hello(), Plugin))
try:
    Hello(1)
except TypeError as e:
    print("TypeError:", e)
