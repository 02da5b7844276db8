# typing at run time: reprs of annotations, generic classes, NamedTuple and
# TypedDict classes, runtime-checkable protocols
from typing import List, Dict, Optional, Union, Callable, Any, TypeVar, Generic, Tuple, Iterable, NamedTuple, Protocol, runtime_checkable, cast, Literal, Set, Type, TypedDict
T = TypeVar("T")
print(List[int], Dict[str, List[int]], Optional[str], Union[int, str], Union[int, None, str], Callable[[int, str], bool], Callable[..., Any], Tuple[int, ...], Iterable[T], Literal["a", 1], Type[int])
print(List, Any, T, Optional[List[int]], Dict[str, T][int])
print(isinstance([], List), isinstance({}, Dict), isinstance([], Iterable), isinstance(3, Union[int, str]))
class Stack(Generic[T]):
    def __init__(self): self.items = []
    def push(self, x: T) -> None: self.items.append(x)
s = Stack[int]()
s.push(3)
print(s.items, type(s).__name__)
class Point(NamedTuple):
    x: int
    y: int = 0
p = Point(1)
print(p, p._fields, p._field_defaults, p.x, Point(3, 4) == (3, 4), Point._make([5, 6]))
@runtime_checkable
class Closer(Protocol):
    def close(self) -> None: ...
class F:
    def close(self): pass
print(isinstance(F(), Closer), isinstance(3, Closer), cast(int, "x"))
class Movie(TypedDict):
    name: str
    year: int
m = Movie(name="x", year=1)
print(m, type(m).__name__, Movie.__required_keys__ == {"name", "year"})
Emp = NamedTuple("Emp", [("name", str), ("id", int)])
print(Emp("a", 1))


def first(items: List[T], default: Optional[T] = None) -> Optional[T]:
    """Return the first item."""
    return items[0] if items else default


print(first.__annotations__, first.__doc__)
from typing import get_type_hints, get_origin, get_args, NewType, overload, Sequence, Mapping
print(get_type_hints(first)["return"], get_origin(List[int]) is list, get_args(Dict[str, int]), get_args(Optional[int]))
UserId = NewType("UserId", int)
print(UserId(5), UserId)
print(isinstance({}, Mapping), isinstance("ab", Sequence), Point.__annotations__)
