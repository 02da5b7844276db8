# try/except/else/finally with builtin exceptions
def attempt(label, func):
    try:
        result = func()
    except ZeroDivisionError as e:
        print(label, "->", type(e).__name__, e)
    except (KeyError, IndexError) as e:
        print(label, "-> lookup:", type(e).__name__, e)
    except ValueError as e:
        print(label, "->", type(e).__name__, e)
    except TypeError as e:
        print(label, "->", type(e).__name__, e)
    except AttributeError as e:
        print(label, "->", type(e).__name__, e)
    except NameError as e:
        print(label, "->", type(e).__name__, e)
    else:
        print(label, "-> ok:", repr(result))
    finally:
        print(label, "finally")
attempt("div", lambda: 1 / 0)
attempt("floordiv", lambda: 5 // 0)
attempt("mod", lambda: 5 % 0)
attempt("key", lambda: {"a": 1}["b"])
attempt("index", lambda: [1, 2][5])
attempt("int", lambda: int("abc"))
attempt("int2", lambda: int("12.5"))
attempt("float", lambda: float("x1"))
attempt("add", lambda: 1 + "a")
attempt("mul", lambda: [1] * "x")
attempt("lt", lambda: 1 < "a")
attempt("call", lambda: (lambda n: n())(5))
attempt("len", lambda: len(5))
attempt("attr", lambda: (5).foo)
attempt("name", lambda: not_defined + 1)
attempt("ok", lambda: 10 // 3)
attempt("unhash", lambda: {[]: 1})
attempt("divmod", lambda: divmod(1, 0))
attempt("iter", lambda: list(5))
def nested():
    try:
        try:
            raise ValueError("inner")
        finally:
            print("inner finally")
    except ValueError as e:
        print("outer caught", e)
        return "returned from except"
    finally:
        print("outer finally")
print(nested())
def finally_return():
    try:
        return "try"
    finally:
        print("finally runs before return")
print(finally_return())
