# enum: a traffic light state machine with Enum, auto, IntEnum and lookups
from enum import Enum, IntEnum, auto, unique


class Light(Enum):
    RED = "stop"
    YELLOW = "slow"
    GREEN = "go"

    def next(self):
        order = list(Light)
        return order[(order.index(self) + 1) % len(order)]


class Status(Enum):
    PENDING = auto()
    RUNNING = auto()
    DONE = auto()


class Priority(IntEnum):
    LOW = 1
    MEDIUM = 5
    HIGH = 10


state = Light.RED
for _ in range(4):
    print(f"{state.name:<6} means {state.value!r}")
    state = state.next()
print(Light.GREEN, repr(Light.GREEN))
print("lookup by value:", Light("slow"), "by name:", Light["GREEN"])
print("members:", [m.name for m in Light], len(Light))
print("auto values:", [(s.name, s.value) for s in Status])
print("identity:", Status.DONE is Status(3), Status.DONE == 3)
print("IntEnum compares with int:", Priority.HIGH > 7, Priority.LOW + 1, sorted([Priority.HIGH, Priority.LOW, 3]))
print("IntEnum str/format:", str(Priority.MEDIUM), f"{Priority.MEDIUM}", repr(Priority.MEDIUM))
print("isinstance:", isinstance(Light.RED, Light), isinstance(Priority.LOW, int))
try:
    Light("fast")
except ValueError as e:
    print("ValueError:", e)
try:
    Light.RED = "halt"
except AttributeError as e:
    print("AttributeError:", e)
print("in:", Light.RED in Light, "dict keys:", {Status.PENDING: 1}[Status.PENDING])
print("__members__:", list(Light.__members__))


class Shape(Enum):
    SQUARE = 2
    DIAMOND = 1
    CIRCLE = 3
    ALIAS_FOR_SQUARE = 2


print("aliases skipped:", [s.name for s in Shape], Shape.ALIAS_FOR_SQUARE is Shape.SQUARE)
try:
    @unique
    class Mistake(Enum):
        ONE = 1
        UNO = 1
except ValueError as e:
    print("ValueError:", e)
