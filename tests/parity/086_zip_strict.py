# zip(..., strict=True): equal lengths or CPython's ValueError


def attempt(label, *its, **kw):
    try:
        print(label, list(zip(*its, **kw)))
    except ValueError as e:
        print(label, "ValueError:", e)


attempt("equal", [1, 2], "ab", strict=True)
attempt("2 short", [1, 2, 3], [1], strict=True)
attempt("2 long", [1], [1, 2, 3], strict=True)
attempt("3 short", [1, 2], [3, 4], [5], strict=True)
attempt("3 long", [1, 2], [3, 4], [5, 6, 7], strict=True)
attempt("4 short", "abc", "abc", "abc", "ab", strict=True)
attempt("2 and 3 long", [1], [1, 2], [1, 2], strict=True)
attempt("empty", [], [], strict=True)
attempt("empty vs one", [], [1], strict=True)
attempt("one arg", [1, 2, 3], strict=True)
attempt("no args", strict=True)
attempt("not strict", [1, 2, 3], [1], strict=False)
attempt("truthy flag", [1, 2], [1], strict=1)
attempt("falsy flag", [1, 2], [1], strict=0)

# the pairs before the mismatch come out first
z = zip(range(5), "abc", strict=True)
seen = []
try:
    for pair in z:
        seen.append(pair)
except ValueError as e:
    print(seen, e)

# generators: how far each one was advanced
log = []


def gen(name, n):
    return (log.append((name, i)) or i for i in range(n))


try:
    list(zip(gen("a", 2), gen("b", 3), strict=True))
except ValueError as e:
    print(e, log)

try:
    zip([1], flat=True)
except TypeError as e:
    print("TypeError:", e)
