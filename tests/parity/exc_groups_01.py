eg = ExceptionGroup("batch", [ValueError("a"), KeyError("b"), ExceptionGroup("inner", [ValueError("c"), TypeError("d")])])
print(repr(eg))
print(str(eg))
m, r = eg.split(ValueError)
print(repr(m)); print(repr(r))
print(repr(eg.subgroup(lambda e: isinstance(e, KeyError))))
print(type(BaseExceptionGroup("x", [ValueError()])).__name__, type(BaseExceptionGroup("x", [KeyboardInterrupt()])).__name__)
try:
    ExceptionGroup("x", [KeyboardInterrupt()])
except TypeError as e:
    print(e)
try:
    raise eg
except ExceptionGroup as g:
    print("caught", g.message, len(g.exceptions))
print(issubclass(ExceptionGroup, Exception), isinstance(eg, BaseExceptionGroup))
