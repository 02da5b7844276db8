"""Cost tests: builtins and operators that do O(n) work charge O(n) virtual
time (docs/language.md, "Virtual time").

Each case times one statement with time.perf_counter_ns() inside the
simulated program, once on a big input (N elements) and once on a small one
(10 elements).  The bytecode is the same both times, so the difference is
the per-element charge alone; it must be within a factor of the expected
charge (op_cost per element, or per 8 bytes for bulk string copies).
Without the charge the difference would be 0.
"""
import math
import os
import tempfile

N = 100_000
SMALL = 10
OP_COST = 3  # ns, set explicitly below

PROGRAM = """
import time


def run(x):
    t = time.perf_counter_ns()
    {stmt}
    return time.perf_counter_ns() - t


big = {setup_big}
small = {setup_small}
print(run(big) - run(small))
"""


def nlogn(n):
    return n * (int(math.log2(n)) + 1)


# (name, setup expression with {n}, statement on x, elements charged for n)
CASES = [
    ("slice_list", "list(range({n}))", "x[:]", lambda n: n),
    ("slice_tuple", "tuple(range({n}))", "x[1:]", lambda n: n - 1),
    ("slice_str", "'a' * {n}", "x[1:]", lambda n: (n - 1) // 8),
    ("slice_assign", "list(range({n}))", "x[0:0] = x", lambda n: n + n // 8),
    ("del_slice", "list(range({n}))", "del x[1:]", lambda n: n - 1),
    ("in_list", "list(range({n}))", "-1 in x", lambda n: n),
    ("in_tuple", "tuple(range({n}))", "-1 in x", lambda n: n),
    ("in_str", "'a' * {n}", "'#' in x", lambda n: n),
    ("list_index", "list(range({n}))", "x.index(len(x) - 1)", lambda n: n),
    ("list_count", "list(range({n}))", "x.count(0)", lambda n: n),
    ("tuple_index", "tuple(range({n}))", "x.index(len(x) - 1)", lambda n: n),
    ("tuple_count", "tuple(range({n}))", "x.count(0)", lambda n: n),
    ("str_join", "['ab'] * {n}", "','.join(x)", lambda n: n + (3 * n - 1) // 8),
    ("str_split", "'a ' * {n}", "x.split()", lambda n: 2 * n),
    ("str_replace", "'ab' * {n}", "x.replace('a', 'c')", lambda n: 4 * n),
    ("str_find", "'a' * {n}", "x.find('#')", lambda n: n),
    ("sorted", "list(range({n}, 0, -1))", "sorted(x)", nlogn),
    ("list_sort", "list(range({n}, 0, -1))", "x.sort()", nlogn),
    ("list_ctor", "list(range({n}))", "list(x)", lambda n: n),
    ("tuple_ctor", "list(range({n}))", "tuple(x)", lambda n: n),
    ("set_ctor", "list(range({n}))", "set(x)", lambda n: n),
    ("dict_ctor", "dict.fromkeys(range({n}))", "dict(x)", lambda n: n),
    ("dict_copy", "dict.fromkeys(range({n}))", "x.copy()", lambda n: n),
    ("list_add", "list(range({n}))", "x + x", lambda n: 2 * n),
    ("list_iadd", "list(range({n}))", "x += x", lambda n: n),
    ("tuple_add", "tuple(range({n}))", "x + x", lambda n: 2 * n),
    ("str_add", "'a' * {n}", "x + x", lambda n: 2 * n // 8),
    ("list_repeat", "list(range({n}))", "x * 2", lambda n: 2 * n),
    ("str_repeat", "'a' * {n}", "x * 2", lambda n: 2 * n // 8),
    ("min", "list(range({n}))", "min(x)", lambda n: n),
    ("max", "list(range({n}))", "max(x)", lambda n: n),
    ("sum", "list(range({n}))", "sum(x)", lambda n: n),
    ("any", "[0] * {n}", "any(x)", lambda n: n),
    ("list_eq", "list(range({n}))", "x == list.copy(x)", lambda n: 2 * n),
    ("repr_list", "list(range({n}))", "repr(x)", lambda n: n),
    ("fstring", "'a' * {n}", "f'<{x}>'", lambda n: (n + 2) // 8),
    ("dict_or", "dict.fromkeys(range({n}))", "x | x", lambda n: 2 * n),
    ("set_or", "set(range({n}))", "x | x", lambda n: 2 * n),
    ("keys_and", "dict.fromkeys(range({n}))", "x.keys() & x.keys()", lambda n: n),
    ("star_list", "list(range({n}))", "[*x]", lambda n: n),
]


def case(name, setup, stmt, elems):
    def t(ctx):
        src = PROGRAM.format(stmt=stmt, setup_big=setup.format(n=N), setup_small=setup.format(n=SMALL))
        with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as f:
            f.write(src)
            path = f.name
        try:
            code, out, err = ctx.run([ctx.bin, "run", "-q", "--set", f"op_cost={OP_COST}ns", path])
        finally:
            os.unlink(path)
        rep = ctx.sanitizer_report(err)
        if rep:
            return "costs/" + name, False, rep
        if code != 0:
            return "costs/" + name, False, f"exit {code}: {err[-600:]}"
        got = int(out.strip().splitlines()[-1])
        want = (elems(N) - elems(SMALL)) * OP_COST
        ok = 0.9 * want <= got <= 2 * want
        detail = "" if ok else (f"`{stmt}` on {N} elements cost {got} ns more than on {SMALL}; "
                                f"expected about {want} ns (op_cost per element)")
        return "costs/" + name, ok, detail
    return t


def run(ctx):
    cases = [c for c in CASES if ctx.wanted("costs/" + c[0])]
    ctx.parallel(cases, lambda c: case(*c)(ctx))
