# Custom exceptions, raise, raise from, re-raise
class AppError(Exception):
    pass
class ValidationError(AppError):
    def __init__(self, field, message):
        super().__init__(f"{field}: {message}")
        self.field = field
class NotFound(AppError):
    def __str__(self):
        return "custom str for NotFound"
def validate(age):
    if not isinstance(age, int):
        raise ValidationError("age", "must be int")
    if age < 0:
        raise ValidationError("age", f"negative ({age})")
    return age
for a in [5, -1, "x"]:
    try:
        print("valid", validate(a))
    except ValidationError as e:
        print("ValidationError", e, "| field =", e.field)
try:
    raise NotFound("ignored")
except AppError as e:
    print(type(e).__name__, e, e.args)
def convert(s):
    try:
        return int(s)
    except ValueError as e:
        raise AppError(f"cannot convert {s!r}") from e
try:
    convert("zz")
except AppError as e:
    print(type(e).__name__, e)
    print("cause:", type(e.__cause__).__name__, e.__cause__)
def reraise():
    try:
        [].pop()
    except IndexError:
        print("logging and re-raising")
        raise
try:
    reraise()
except IndexError as e:
    print("caught again:", e)
print(issubclass(ValidationError, AppError), issubclass(AppError, Exception))
print(issubclass(NotFound, ValidationError), isinstance(NotFound(), Exception))
e = ValidationError("name", "empty")
print(repr(str(e)), e.args)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise KeyError("during handling")
except KeyError as e:
    print(type(e).__name__, e)
try:
    raise ValueError("no cause") from None
except ValueError as e:
    print(e, e.__cause__)
