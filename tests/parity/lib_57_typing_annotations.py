# typing used only as annotations: a typed task registry that runs normally
from typing import List, Dict, Optional, Callable, TypeVar, Tuple, Union, Any

T = TypeVar("T")
Handler = Callable[[str, int], str]


def first_or_default(items: List[T], default: T) -> T:
    return items[0] if items else default


def find_user(users: Dict[int, str], uid: int) -> Optional[str]:
    return users.get(uid)


def apply_all(handlers: List[Handler], name: str, count: int) -> List[str]:
    return [h(name, count) for h in handlers]


def stats(values: List[float]) -> Tuple[float, float]:
    return min(values), max(values)


def describe(value: Union[int, str]) -> str:
    return f"{type(value).__name__}:{value}"


class Registry:
    tasks: Dict[str, Callable[..., Any]]

    def __init__(self) -> None:
        self.tasks = {}

    def register(self, name: str) -> Callable[[Callable[..., T]], Callable[..., T]]:
        def deco(fn: Callable[..., T]) -> Callable[..., T]:
            self.tasks[name] = fn
            return fn
        return deco


registry = Registry()


@registry.register("greet")
def greet(name: str, times: int = 1) -> str:
    return " ".join([f"hi {name}"] * times)


print(first_or_default([3, 4], 0), first_or_default([], "none"))
print(find_user({1: "ann"}, 1), find_user({1: "ann"}, 2))
print(apply_all([lambda n, c: n * c, lambda n, c: f"{n}#{c}"], "ab", 3))
print(stats([2.5, -1.0, 7.25]), describe(5), describe("x"))
print(registry.tasks["greet"]("bo", times=2))
print("annotations:", {k: getattr(v, "__name__", str(v)) for k, v in greet.__annotations__.items()})
print("T name:", T.__name__, "Handler args ok:", Handler is not None)
count: int = 5
label: Optional[str] = None
print(count, label, __annotations__["count"].__name__)
