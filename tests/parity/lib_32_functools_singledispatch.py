# functools.singledispatch: a serializer that dispatches on the argument's type
from functools import singledispatch


@singledispatch
def to_text(obj):
    return f"<unsupported {type(obj).__name__}>"


@to_text.register
def _(obj: int):
    return f"int {obj}"


@to_text.register
def _(obj: bool):
    return f"bool {'yes' if obj else 'no'}"


@to_text.register(float)
def _(obj):
    return f"float {obj:.2f}"


@to_text.register(list)
@to_text.register(tuple)
def _(obj):
    return "[" + ", ".join(to_text(x) for x in obj) + "]"


@to_text.register
def _(obj: dict):
    return "{" + ", ".join(f"{k}={to_text(v)}" for k, v in obj.items()) + "}"


class Animal:
    pass


class Dog(Animal):
    pass


@to_text.register
def _(obj: Animal):
    return f"animal {type(obj).__name__}"


for value in [3, True, 2.5, [1, 2.0], (False,), {"a": 1, "b": [2]}, Dog(), "text", None, b"raw"]:
    print(to_text(value))
print(to_text.dispatch(bool).__name__, to_text.dispatch(str) is to_text.registry[object])
print("registered:", sorted(t.__name__ for t in to_text.registry))


@singledispatch
def area(shape):
    raise NotImplementedError(f"no area for {type(shape).__name__}")


@area.register
def _(shape: tuple):
    width, height = shape
    return width * height


print("area:", area((3, 4)))
try:
    area("square")
except NotImplementedError as e:
    print("NotImplementedError:", e)
