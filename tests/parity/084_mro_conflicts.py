# MRO conflicts and duplicate bases: CPython's exact messages


class A:
    pass


class B(A):
    pass


class X:
    pass


class Y:
    pass


class P(X, Y):
    pass


class Q(Y, X):
    pass


class Z(X):
    pass


def attempt(label, make):
    try:
        cls = make()
        print(label, "ok", [k.__name__ for k in cls.__mro__])
    except TypeError as e:
        print(label, "TypeError:", e)


attempt("A, B", lambda: type("C1", (A, B), {}))
attempt("B, A", lambda: type("C2", (B, A), {}))
attempt("P, Q", lambda: type("C3", (P, Q), {}))
attempt("A, A", lambda: type("C4", (A, A), {}))
attempt("X, Z", lambda: type("C5", (X, Z), {}))
attempt("Z, X", lambda: type("C6", (Z, X), {}))
attempt("P, Q, A", lambda: type("C7", (A, P, Q), {}))
attempt("Y, P", lambda: type("C8", (Y, P), {}))
attempt("object, A", lambda: type("C9", (object, A), {}))

try:
    class Bad(A, B):
        pass
except TypeError as e:
    print(repr(str(e)))

try:
    class Dup(X, Y, X):
        pass
except TypeError as e:
    print(e)
