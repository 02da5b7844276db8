# The errors big ints still raise, with CPython's messages
import math
import sys

big = 10**30
checks = [
    ("big // 0", lambda: big // 0),
    ("big % 0", lambda: big % 0),
    ("divmod(big, 0)", lambda: divmod(big, 0)),
    ("big / 0", lambda: big / 0),
    ("big / 0.0", lambda: big / 0.0),
    ("0 ** -1", lambda: 0 ** -1),
    ("pow(big, 2, 0)", lambda: pow(big, 2, 0)),
    ("pow(6, -1, big)", lambda: pow(6, -1, big)),
    ("pow(big, 1.5, 7)", lambda: pow(big, 1.5, 7)),
    ("big << -1", lambda: big << -1),
    ("big >> -5", lambda: big >> -5),
    ("float(2**1024)", lambda: float(2**1024)),
    ("2**1024 * 1.0", lambda: 2**1024 * 1.0),
    ("2**2000 / 3", lambda: 2**2000 / 3),
    ("2**1024 + 0.5", lambda: 2**1024 + 0.5),
    ("math.sqrt(10**400)", lambda: math.sqrt(10**400)),
    ("math.isqrt(-big)", lambda: math.isqrt(-big)),
    ("math.factorial(-big)", lambda: math.factorial(-big)),
    ("math.comb(-big, 2)", lambda: math.comb(-big, 2)),
    ("math.perm(big, -2)", lambda: math.perm(big, -2)),
    ("[1, 2][big]", lambda: [1, 2][big]),
    ("'ab' * big", lambda: "ab" * big),
    ("[0] * -big", lambda: [0] * -big),
    ("str(10**5000)", lambda: str(10**5000)),
    ("int('9' * 5000)", lambda: int("9" * 5000)),
    ("f'{10**4400}'", lambda: f"{10**4400}"),
    ("'%d' % 10**4400", lambda: "%d" % 10**4400),
    ("int('12x' + '0' * 30)", lambda: int("12x" + "0" * 30)),
    ("int('1' * 40, 1)", lambda: int("1" * 40, 1)),
    ("int(float('inf'))", lambda: int(float("inf"))),
    ("int(float('nan'))", lambda: int(float("nan"))),
    ("round(float('inf'))", lambda: round(float("inf"))),
    ("format(big, 'c')", lambda: format(big, "c")),
    ("'%c' % big", lambda: "%c" % big),
    ("format(big, '.3d')", lambda: format(big, ".3d")),
    ("format(big, ',x')", lambda: format(big, ",x")),
    ("format(big, 'z')", lambda: format(big, "z")),
    ("math.log(-big)", lambda: math.log(-big)),
    ("math.log(10**400, 1)", lambda: math.log(10**400, 1)),
    ("sys.set_int_max_str_digits(100)", lambda: sys.set_int_max_str_digits(100)),
]
for text, f in checks:
    try:
        print(text, "->", f())
    except (ArithmeticError, ValueError, TypeError, IndexError, MemoryError) as e:
        print(text, "->", type(e).__name__ + ":", e)
print("hex is not limited:", len(hex(10**5000)))
print("len(str) of 4300 digits:", len(str(10**4299)))
