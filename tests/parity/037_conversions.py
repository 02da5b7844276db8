# int()/float()/str()/repr()/bool() conversions
print(int("42"), int("-0"), int("  12\n"), int(7.99), int(-7.99), int("0042"))
print(int(True), int(1e10), int("1_000"), int(float("3.9")))
print(float(1), float("1e3"), float("-.5"), float("inf"), float("-Infinity"), float(" 3 "))
print(str(12), str(-1.5), str(None), str(True), str([1, "a"]), str((1,)), str({"k": None}))
print(repr(12), repr("a"), repr("it's"), repr('say "hi"'), repr(1.0), repr(None))
print(repr([1, "two", 3.0, None, True]), repr(()), repr(""))
print(bool(0), bool(1), bool(-1), bool(0.0), bool(0.1), bool(""), bool(" "), bool("0"))
print(bool([]), bool([[]]), bool({}), bool(set()), bool(None), bool(range(0)), bool(range(1)))
print(list("abc"), tuple([1, 2]), set([2, 1, 2]), dict([(1, 2)]), list({"a": 1, "b": 2}))
print(str(1) + str(2), int("1") + int("2"), float("1") + float("2"))
print(str(10 / 4), str(10 // 4), str(2 ** 10), str(-0.0), str(1e300 * 1e300))
print(int(str(123)[::-1]), float(str(0.1)), str(float(10)))
for bad in ["", "1.5", "abc", "1e3", " ", "12a", "0x10"]:
    try:
        print(int(bad))
    except ValueError as e:
        print(type(e).__name__, e)
for bad in ["", "1.2.3", "nan?", "e5"]:
    try:
        print(float(bad))
    except ValueError as e:
        print(type(e).__name__, e)
try:
    int(None)
except TypeError as e:
    print(type(e).__name__, e)
try:
    int([1])
except TypeError as e:
    print(type(e).__name__, e)
try:
    int(float("inf"))
except OverflowError as e:
    print(type(e).__name__, e)
try:
    int(float("nan"))
except ValueError as e:
    print(type(e).__name__, e)
print(str(3) * 3, int("3") * 3, [str(i) for i in range(3)], [int(c) for c in "9081"])
print(float("1e-5"), float("0.1") * 3, int(-0.5), int(0.9999))
