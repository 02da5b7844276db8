# dataclasses: inheritance, keyword-only fields, InitVar, init=False,
# __post_init__, unsafe_hash, make_dataclass and fields()
from dataclasses import dataclass, field, fields, InitVar, KW_ONLY, make_dataclass, asdict, is_dataclass, replace


@dataclass
class Base:
    id: int
    label: str = "?"


@dataclass
class Job(Base):
    priority: int = 5
    tags: list = field(default_factory=list)
    attempts: int = field(default=0, init=False, repr=False)

    def retry(self):
        self.attempts += 1
        return self


j = Job(1, "build", 2)
print(j, j.retry().attempts, [f.name for f in fields(Job)])
print(Job(2) == Job(2), Job(2) != Job(3), is_dataclass(j), is_dataclass(Job), is_dataclass(5))


@dataclass
class Options:
    name: str
    _: KW_ONLY
    verbose: bool = False
    level: int = 1


print(Options("x", verbose=True), Options("y", level=3))
try:
    Options("z", True)
except TypeError as e:
    print("TypeError:", e)


@dataclass
class Account:
    owner: str
    balance: float = 0.0
    secret: InitVar[str] = "none"

    def __post_init__(self, secret):
        self.masked = secret[0] + "*" * (len(secret) - 1)


a = Account("ann", 10.0, "hunter2")
print(a, a.masked, "secret" in [f.name for f in fields(a)])


@dataclass(unsafe_hash=True)
class Key:
    a: int
    b: str = field(compare=False)


print(hash(Key(1, "x")) == hash(Key(1, "y")), Key(1, "x") == Key(1, "y"), len({Key(1, "x"), Key(1, "y")}))


@dataclass(eq=False)
class Node:
    value: int
    children: list = field(default_factory=list)


n = Node(1, [Node(2)])
print(n == Node(1, [Node(2)]), n.children[0].value, asdict(n))
Point3 = make_dataclass("Point3", [("x", int), ("y", int), ("z", int, field(default=0))])
p = Point3(1, 2)
print(p, replace(p, z=9), [f.name for f in fields(Point3)])
for args in [(), (1, 2, 3, 4)]:
    try:
        Point3(*args)
    except TypeError as e:
        print("TypeError:", e)
try:
    Point3(1, 2, x=1)
except TypeError as e:
    print("TypeError:", e)
try:
    @dataclass
    class Bad:
        a: int = 1
        b: int
except TypeError as e:
    print("TypeError:", e)


@dataclass(frozen=True, order=True)
class Version:
    major: int
    minor: int = 0

    def bump(self):
        return replace(self, minor=self.minor + 1)


vs = [Version(1, 2), Version(0, 9), Version(1, 0).bump()]
print(sorted(vs), max(vs), Version(1) < Version(1, 1), {Version(1): "one"}[Version(1, 0)])
