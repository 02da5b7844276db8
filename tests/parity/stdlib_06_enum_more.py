# enum: flag composites and inversion, IntFlag, StrEnum, the functional API,
# Enum.__init__ with tuple values, aliases and class-level errors
from enum import Enum, IntEnum, Flag, IntFlag, auto, unique, StrEnum
class Perm(Flag):
    READ = auto()
    WRITE = auto()
    EXECUTE = auto()
    RW = READ | WRITE
print(repr(Perm.READ | Perm.EXECUTE), str(Perm.READ|Perm.EXECUTE), repr(Perm(0)), str(Perm(0)), repr(Perm.RW), repr(~Perm.READ), list(Perm), len(Perm.RW), Perm.__members__)
try: Perm(8)
except ValueError as e: print("VE", e)
class Mode(IntFlag):
    R = 4
    W = 2
    X = 1
print(repr(Mode.R|Mode.X), repr(~Mode.R), repr(Mode(8)), str(Mode.R|Mode.W), Mode.R + 1, repr(Mode(0)), format(Mode.R, "03d"))
class Color(Enum):
    RED = 1
    GREEN = 2
print(repr(Color), str(Color), repr(Perm), Color.RED.__class__, Color.__members__)
try: Color.RED < Color.GREEN
except TypeError as e: print(e)
try: "x" in Color
except TypeError as e: print("TE", e)
try:
    class C2(Color): pass
except TypeError as e: print(e)
try: del Color.RED
except AttributeError as e: print(e)
print(Color.RED.name, Color.RED.value, hash(Color.RED) == hash("RED"), format(Color.RED), f"{Color.RED:>10}|")
class S(StrEnum):
    A = auto()
    B = "bee"
print(S.A, repr(S.A), S.A.upper(), S.B == "bee", S.A + "x")
Animal = Enum('Animal', 'ANT BEE CAT')
print(list(Animal), Animal.BEE.value, repr(Animal))
class Planet(Enum):
    EARTH = (5.976e+24, 6.37814e6)
    MARS = (6.421e+23, 3.3972e6)
    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius
print(Planet.EARTH.mass, Planet((6.421e+23, 3.3972e6)), Planet.MARS.value)
print(Color(1), Color['GREEN'], dir(Color.RED)[:3])
class Shape(Enum):
    SQUARE = 2
    ALIAS = 2
print(Shape.ALIAS, Shape.__members__, list(Shape))

print(bool(Color.RED), Color.RED == 1, Color.RED is Color(1), sorted(Color, key=lambda c: c.value))
print(isinstance(Color.RED, Color), [m for m in reversed(Color)])
