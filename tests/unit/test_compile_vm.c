/* test_compile_vm.c - compiling and running programs through the public
 * interface of sim/sim.h.  Expected outputs were produced by python3 3.11
 * running the same source. */
#include "check.h"
#include "../../sim/sim.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

typedef struct Run {
    bool loaded;
    char load_msg[1200];    /* "line:col: message" when !loaded */
    SimStatus st;
    char *out, *err;
    char fatal[400];
    int64_t elapsed;
    uint64_t ops;
} Run;

/* Load and run src as "test.py"; the result owns copies of the outputs. */
static Run run_src(const char *src)
{
    Run r;
    memset(&r, 0, sizeof r);
    Sim *S = sim_new();
    LoadError le;
    r.loaded = sim_load_source(S, "test.py", src, strlen(src), NULL, 0, &le);
    if (r.loaded) r.st = sim_run(S);
    else snprintf(r.load_msg, sizeof r.load_msg, "%d:%d: %s", le.line, le.col, le.msg);
    r.out = xstrdup(sim_stdout(S, NULL));
    r.err = xstrdup(sim_stderr(S, NULL));
    snprintf(r.fatal, sizeof r.fatal, "%s", sim_fatal_message(S));
    r.elapsed = sim_elapsed_ns(S);
    r.ops = sim_ops(S);
    sim_free(S);
    return r;
}

static void run_free(Run *r)
{
    free(r->out);
    free(r->err);
}

/* The tail of s (at most n bytes), for failure messages. */
static const char *tail(const char *s, size_t n)
{
    size_t len = strlen(s);
    return len > n ? s + len - n : s;
}

/* Run src; it must load, end normally and print exactly want. */
static void check_output(const char *src, const char *want)
{
    Run r = run_src(src);
    if (!r.loaded) FAILF("load failed: %s", r.load_msg);
    else if (r.st != SIM_OK) FAILF("status %d, stderr: %s", (int)r.st, tail(r.err, 300));
    else CHECK_EQ_STR(r.out, want);
    run_free(&r);
}

/* closures */
static const char *const src_closures =
    "def make():\n"
    "    n = 0\n"
    "    def inc(step=1):\n"
    "        nonlocal n\n"
    "        n += step\n"
    "        return n\n"
    "    def get():\n"
    "        return n\n"
    "    return inc, get\n"
    "inc, get = make()\n"
    "inc(); inc(5)\n"
    "print(get(), inc())\n"
    "x = 10\n"
    "def outer():\n"
    "    x = 1\n"
    "    def mid():\n"
    "        def inner():\n"
    "            nonlocal x\n"
    "            x += 5\n"
    "            return x\n"
    "        return inner\n"
    "    return mid()\n"
    "f = outer()\n"
    "print(f(), f(), x)\n"
    "fs = [lambda: k for k in range(3)]\n"
    "gs = [lambda k=k: k for k in range(3)]\n"
    "print([h() for h in fs], [h() for h in gs])\n"
    "def counter():\n"
    "    count = 0\n"
    "    def bump():\n"
    "        nonlocal count\n"
    "        count += 1\n"
    "        return count\n"
    "    return bump\n"
    "a, b = counter(), counter()\n"
    "a(); a()\n"
    "print(a(), b())\n";
static const char *const want_closures =
    "6 7\n"
    "6 11 10\n"
    "[2, 2, 2] [0, 1, 2]\n"
    "3 1\n";
/* super */
static const char *const src_super =
    "class Base:\n"
    "    def __init__(self):\n"
    "        self.log = [\"Base\"]\n"
    "    def hello(self):\n"
    "        return \"base\"\n"
    "    @classmethod\n"
    "    def make(cls):\n"
    "        return cls()\n"
    "class Mid(Base):\n"
    "    def __init__(self):\n"
    "        super().__init__()\n"
    "        self.log.append(\"Mid\")\n"
    "    def hello(self):\n"
    "        return \"mid>\" + super().hello()\n"
    "class Leaf(Mid):\n"
    "    def __init__(self):\n"
    "        super(Leaf, self).__init__()\n"
    "        self.log.append(\"Leaf\")\n"
    "    def hello(self):\n"
    "        return \"leaf>\" + super().hello()\n"
    "obj = Leaf.make()\n"
    "print(obj.log, obj.hello(), type(obj).__name__, isinstance(obj, Base))\n"
    "class A:\n"
    "    def who(self): return \"A\"\n"
    "class B(A):\n"
    "    def who(self): return \"B\" + super().who()\n"
    "class C(A):\n"
    "    def who(self): return \"C\" + super().who()\n"
    "class D(B, C):\n"
    "    def who(self): return \"D\" + super().who()\n"
    "print(D().who(), [k.__name__ for k in D.__mro__])\n";
static const char *const want_super =
    "['Base', 'Mid', 'Leaf'] leaf>mid>base Leaf True\n"
    "DBCA ['D', 'B', 'C', 'A', 'object']\n";
/* finally_return */
static const char *const src_finally_return =
    "def f1():\n"
    "    try:\n"
    "        return \"try\"\n"
    "    finally:\n"
    "        print(\"finally runs\")\n"
    "def f2():\n"
    "    try:\n"
    "        return 1\n"
    "    finally:\n"
    "        return 2\n"
    "def f3():\n"
    "    x = []\n"
    "    try:\n"
    "        x.append(1)\n"
    "        return x\n"
    "    finally:\n"
    "        x.append(2)\n"
    "def f4():\n"
    "    try:\n"
    "        raise KeyError(1)\n"
    "    except KeyError:\n"
    "        return \"from except\"\n"
    "    finally:\n"
    "        print(\"f4 finally\")\n"
    "def f5():\n"
    "    while True:\n"
    "        try:\n"
    "            raise ValueError\n"
    "        finally:\n"
    "            break\n"
    "    return \"swallowed\"\n"
    "print(f1())\n"
    "print(f2(), f3())\n"
    "print(f4())\n"
    "print(f5())\n";
static const char *const want_finally_return =
    "finally runs\n"
    "try\n"
    "2 [1, 2]\n"
    "f4 finally\n"
    "from except\n"
    "swallowed\n";
/* loop_finally */
static const char *const src_loop_finally =
    "def f():\n"
    "    out = []\n"
    "    for i in range(6):\n"
    "        try:\n"
    "            try:\n"
    "                if i == 1:\n"
    "                    continue\n"
    "                if i == 4:\n"
    "                    break\n"
    "                out.append(i)\n"
    "            finally:\n"
    "                out.append(\"in%d\" % i)\n"
    "        finally:\n"
    "            out.append(\"out%d\" % i)\n"
    "    else:\n"
    "        out.append(\"else\")\n"
    "    return out\n"
    "print(f())\n"
    "n = 0\n"
    "while n < 5:\n"
    "    n += 1\n"
    "    try:\n"
    "        if n % 2:\n"
    "            continue\n"
    "        print(\"even\", n)\n"
    "    finally:\n"
    "        print(\"fin\", n)\n";
static const char *const want_loop_finally =
    "[0, 'in0', 'out0', 'in1', 'out1', 2, 'in2', 'out2', 3, 'in3', 'out3', 'in4', 'out4']\n"
    "fin 1\n"
    "even 2\n"
    "fin 2\n"
    "fin 3\n"
    "even 4\n"
    "fin 4\n"
    "fin 5\n";
/* with */
static const char *const src_with =
    "class CM:\n"
    "    def __init__(self, name, suppress=False):\n"
    "        self.name = name\n"
    "        self.suppress = suppress\n"
    "    def __enter__(self):\n"
    "        print(\"enter\", self.name)\n"
    "        return self.name\n"
    "    def __exit__(self, t, v, tb):\n"
    "        print(\"exit\", self.name, t.__name__ if t else None, v)\n"
    "        return self.suppress\n"
    "with CM(\"a\", True) as n:\n"
    "    print(\"body\", n)\n"
    "    raise ValueError(\"boom\")\n"
    "print(\"after suppressed\")\n"
    "try:\n"
    "    with CM(\"b\") as x, CM(\"c\") as y:\n"
    "        print(\"body\", x, y)\n"
    "        raise KeyError(\"k\")\n"
    "except KeyError as e:\n"
    "    print(\"caught\", repr(e))\n"
    "def f():\n"
    "    with CM(\"d\"):\n"
    "        return \"returned\"\n"
    "print(f())\n";
static const char *const want_with =
    "enter a\n"
    "body a\n"
    "exit a ValueError boom\n"
    "after suppressed\n"
    "enter b\n"
    "enter c\n"
    "body b c\n"
    "exit c KeyError 'k'\n"
    "exit b KeyError 'k'\n"
    "caught KeyError('k')\n"
    "enter d\n"
    "exit d None None\n"
    "returned\n";
/* fmt_specs */
static const char *const src_fmt_specs =
    "v = 3.14159\n"
    "n = 42\n"
    "print(f\"{v:.2f}|{n:>6}|{n:<6}|{'x':^5}|{1234567:,}|{255:#x}|{0.5:%}|{12:08.3f}\")\n"
    "print(f\"{'abc':*^9}|{12345:_}|{-42:=+8}|{0.000012345:g}|{1/3:.10}|{True!r}|{n!s:>4}\")\n"
    "for x in [0, 1.5, -2.25, 1e20, 3]:\n"
    "    print(f\"[{x:10.3e}][{x:+g}][{x:08.2f}]\")\n"
    "w = 7\n"
    "print(f\"{n:{w}d}|{v:{w}.{2}f}|{n=}|{v=:.1f}|{'q'!r:>5}\")\n"
    "print(f\"{255:b}|{255:o}|{255:X}|{-255:#x}|{1e-7:.3g}|{2.5:.0f}|{3.5:.0f}|{1e16:.0f}\")\n";
static const char *const want_fmt_specs =
    "3.14|    42|42    |  x  |1,234,567|0xff|50.000000%|0012.000\n"
    "***abc***|12_345|-     42|1.2345e-05|0.3333333333|True|  42\n"
    "[ 0.000e+00][+0][00000.00]\n"
    "[ 1.500e+00][+1.5][00001.50]\n"
    "[-2.250e+00][-2.25][-0002.25]\n"
    "[ 1.000e+20][+1e+20][100000000000000000000.00]\n"
    "[ 3.000e+00][+3][00003.00]\n"
    "     42|   3.14|n=42|v=3.1|  'q'\n"
    "11111111|377|FF|-0xff|1e-07|2|4|10000000000000000\n";
/* percent */
static const char *const src_percent =
    "print(\"%5d|%-5s|%.3f|%x|%r|%%\" % (42, \"ab\", 2.5, 255, \"q\"))\n"
    "print(\"%s %d%% %5.1f %-4d| %03d %e %g %c %o %X\" % (\"a\", 50, 3.14159, 7, 5, 12345.678, 0.0001, 65, 8, 255))\n"
    "print(\"%(a)s-%(b)r\" % {\"a\": 1, \"b\": \"two\"})\n"
    "print(\"%+d %+.2f % d %#o %#x %5.2s|\" % (5, 2.0, 3, 8, 255, \"abcdef\"))\n"
    "print(\"%s\" % (1, 2,) if False else \"%s and %s\" % (None, [1, \"a\"]))\n"
    "print(\"%*d|%-*d|%.*f\" % (5, 1, 4, 2, 2, 3.14159))\n";
static const char *const want_percent =
    "   42|ab   |2.500|ff|'q'|%\n"
    "a 50%   3.1 7   | 005 1.234568e+04 0.0001 A 10 FF\n"
    "1-'two'\n"
    "+5 +2.00  3 0o10 0xff    ab|\n"
    "None and [1, 'a']\n"
    "    1|2   |3.14\n";
/* dict_order */
static const char *const src_dict_order =
    "d = {}\n"
    "d[\"b\"] = 1\n"
    "d[\"a\"] = 2\n"
    "d[\"c\"] = 3\n"
    "del d[\"b\"]\n"
    "d[\"b\"] = 4\n"
    "d[\"a\"] = 5\n"
    "print(d, list(d), list(d.values()))\n"
    "e = dict(z=1, y=2)\n"
    "e.update({\"x\": 3, \"z\": 9})\n"
    "print(e, list(e.items()))\n"
    "f = {k: k * k for k in [5, 3, 9, 1]}\n"
    "f.pop(3)\n"
    "f[3] = 0\n"
    "print(f, next(iter(f)))\n";
static const char *const want_dict_order =
    "{'a': 5, 'c': 3, 'b': 4} ['a', 'c', 'b'] [5, 3, 4]\n"
    "{'z': 9, 'y': 2, 'x': 3} [('z', 9), ('y', 2), ('x', 3)]\n"
    "{5: 25, 9: 81, 1: 1, 3: 0} 5\n";
/* sets */
static const char *const src_sets =
    "print({10, 5, 100, 33, 8})\n"
    "print(set(range(20, 0, -3)))\n"
    "print({1, 2, 3} | {100, 64})\n"
    "s = set(range(50))\n"
    "for i in range(0, 50, 3):\n"
    "    s.discard(i)\n"
    "s.add(1000)\n"
    "s.add(-5)\n"
    "print(s)\n"
    "print({1, 2, 3} & {3, 2, 9}, {1, 2, 3} - {2}, {1, 2, 3} ^ {3, 4, 40})\n"
    "print(frozenset([9, 17, 1, 33]), set([5, 13, 21, 29, 37]))\n";
static const char *const want_sets =
    "{33, 100, 5, 8, 10}\n"
    "{2, 5, 8, 11, 14, 17, 20}\n"
    "{64, 1, 2, 3, 100}\n"
    "{1, 2, 4, 5, 7, 8, 10, 11, 13, 14, 16, 17, 19, 20, 22, 23, 25, 26, 28, 29, 31, 32, 34, 35, 37, 38, 40, 41, 43, 44, 46, 47, 49, 1000, -5}\n"
    "{2, 3} {1, 3} {1, 2, 4, 40}\n"
    "frozenset({9, 33, 17, 1}) {37, 5, 13, 21, 29}\n";
/* format_float_repr */
static const char *const src_float_repr =
    "print(0.1 + 0.2, 1e16, 1e-5, 123456789.123456789, -0.0)\n"
    "print(repr(1e22), 1e-7, 2.5e-5, 1 / 3, 2 / 3, 100.0, 1e15, 12345678901234567.0)\n"
    "print(float(\"inf\"), -float(\"inf\"), 5e-324, 1.7976931348623157e308, 0.1 * 3, 1.1 + 2.2)\n"
    "print(str(1.0), 3.0 * 1.1, 100 / 3, 2.0 ** 0.5, round(2.675, 2), 7.5 // 2, -7.5 % 2)\n"
    "print([0.1, 1e100, 9.999999999999999e22], (1.5,), {1.25: 2.0})\n";
static const char *const want_float_repr =
    "0.30000000000000004 1e+16 1e-05 123456789.12345679 -0.0\n"
    "1e+22 1e-07 2.5e-05 0.3333333333333333 0.6666666666666666 100.0 1000000000000000.0 1.2345678901234568e+16\n"
    "inf -inf 5e-324 1.7976931348623157e+308 0.30000000000000004 3.3000000000000003\n"
    "1.0 3.3000000000000003 33.333333333333336 1.4142135623730951 2.67 3.0 0.5\n"
    "[0.1, 1e+100, 1e+23] (1.5,) {1.25: 2.0}\n";
/* genexp_lazy */
static const char *const src_genexp_lazy =
    "calls = 0\n"
    "def check(x):\n"
    "    global calls\n"
    "    calls += 1\n"
    "    return x > 2\n"
    "print(any(check(x) for x in range(100)), calls)\n"
    "calls = 0\n"
    "print(all(check(x) for x in [5, 6, 0, 7, 8]), calls)\n"
    "g = (check(x) for x in range(10))\n"
    "print(calls)\n"
    "print(next(g), next(g), calls)\n"
    "calls = 0\n"
    "squares = (x * x for x in range(1000000))\n"
    "print(next(squares), next(squares), next(squares))\n"
    "print(sum(x for x in range(5) if check(x)), calls)\n";
static const char *const want_genexp_lazy =
    "True 4\n"
    "False 3\n"
    "3\n"
    "False False 5\n"
    "0 1 4\n"
    "7 5\n";
/* recursion_caught */
static const char *const src_recursion_caught =
    "def f(n):\n"
    "    return f(n + 1)\n"
    "for i in range(2):\n"
    "    try:\n"
    "        f(0)\n"
    "    except RecursionError as e:\n"
    "        print(\"caught\", e)\n"
    "def depth(n):\n"
    "    return 0 if n == 0 else 1 + depth(n - 1)\n"
    "print(depth(900))\n";
static const char *const want_recursion_caught =
    "caught maximum recursion depth exceeded\n"
    "caught maximum recursion depth exceeded\n"
    "900\n";

static void test_closures_nonlocal(void) { check_output(src_closures, want_closures); }
static void test_class_super(void) { check_output(src_super, want_super); }
static void test_try_finally_return(void) { check_output(src_finally_return, want_finally_return); }
static void test_break_continue_in_finally(void) { check_output(src_loop_finally, want_loop_finally); }
static void test_with_exit_and_suppression(void) { check_output(src_with, want_with); }
static void test_fstring_format_specs(void) { check_output(src_fmt_specs, want_fmt_specs); }
static void test_percent_formatting(void) { check_output(src_percent, want_percent); }
static void test_dict_insertion_order(void) { check_output(src_dict_order, want_dict_order); }
static void test_set_print_order(void) { check_output(src_sets, want_sets); }
static void test_float_repr(void) { check_output(src_float_repr, want_float_repr); }
static void test_genexp_is_lazy(void) { check_output(src_genexp_lazy, want_genexp_lazy); }

static void test_exception_chaining_text(void)
{
    Run r = run_src("try:\n    {}[\"k\"]\nexcept KeyError:\n    raise ValueError(\"second\")\n");
    CHECK(r.loaded);
    CHECK_EQ_INT(r.st, SIM_EXCEPTION);
    CHECK_EQ_STR(r.out, "");
    CHECK_CONTAINS(r.err, "Traceback (most recent call last):\n  File \"test.py\", line 2, in <module>\n");
    CHECK_CONTAINS(r.err, "KeyError: 'k'\n\nDuring handling of the above exception, another exception occurred:\n\n"
                          "Traceback (most recent call last):\n  File \"test.py\", line 4, in <module>\n"
                          "    raise ValueError(\"second\")\nValueError: second\n");
    CHECK(strncmp(r.err, "Traceback", 9) == 0);
    run_free(&r);
    r = run_src("def parse(s):\n    try:\n        return int(s)\n    except ValueError as e:\n"
                "        raise RuntimeError(\"bad input\") from e\nparse(\"x\")\n");
    CHECK_EQ_INT(r.st, SIM_EXCEPTION);
    CHECK_CONTAINS(r.err, "ValueError: invalid literal for int() with base 10: 'x'\n\n"
                          "The above exception was the direct cause of the following exception:\n\n");
    CHECK_CONTAINS(r.err, "  File \"test.py\", line 6, in <module>\n    parse(\"x\")\n"
                          "  File \"test.py\", line 5, in parse\n");
    CHECK(strstr(r.err, "During handling") == NULL);
    run_free(&r);
}

static void test_recursion_error(void)
{
    Run r = run_src("def f(n):\n    return f(n + 1)\nprint(\"start\")\nf(0)\nprint(\"unreachable\")\n");
    CHECK(r.loaded);
    CHECK_EQ_INT(r.st, SIM_EXCEPTION);
    CHECK_EQ_STR(r.out, "start\n");
    CHECK_CONTAINS(r.err, "RecursionError: maximum recursion depth exceeded");
    CHECK_CONTAINS(r.err, "  File \"test.py\", line 2, in f\n");
    run_free(&r);
    /* caught, twice, and the stack is usable again afterwards */
    check_output(src_recursion_caught, want_recursion_caught);
}

/* Past 64 bits an int becomes a big int; back in range it is a plain int
 * again (one representation: equal values hash and compare alike). */
static void test_int_past_64_bits(void)
{
    check_output("M = 9223372036854775807\n"
                 "for f in [lambda: M + 1, lambda: -M - 2, lambda: M * 2, lambda: 2 ** 64, lambda: 1 << 63,\n"
                 "          lambda: (-M - 1) // -1, lambda: abs(-M - 1), lambda: int(1e19), lambda: sum([M, 1]),\n"
                 "          lambda: -(-M - 1), lambda: (M + 1) - 1, lambda: type(M + 1 - 1) is type(M)]:\n"
                 "    print(f())\n"
                 "d = {M: 'max'}\n"
                 "print(d[(M + 5) - 5], hash(M + 1 - 1) == hash(M), (M + 1) - 1 is M)\n",
                 "9223372036854775808\n-9223372036854775809\n18446744073709551614\n18446744073709551616\n"
                 "9223372036854775808\n9223372036854775808\n9223372036854775808\n10000000000000000000\n"
                 "9223372036854775808\n9223372036854775808\n9223372036854775807\nTrue\n"
                 "max True True\n");
    /* the size guard answers at once, without allocating */
    Run r = run_src("x = 2 ** (2 ** 40)\n");
    CHECK_EQ_INT(r.st, SIM_EXCEPTION);
    CHECK_CONTAINS(r.err, "MemoryError: ");
    run_free(&r);
}

static void test_max_ops_guard(void)
{
    Run r = run_src("\"\"\"\nmax_ops: 1000\n\"\"\"\nprint(\"before\")\nwhile True: pass\n");
    CHECK(r.loaded);
    CHECK_EQ_INT(r.st, SIM_FATAL);
    CHECK_CONTAINS(r.fatal, "max_ops");
    CHECK_EQ_STR(r.out, "before\n");
    CHECK(r.ops >= 1000 && r.ops < 1100);
    run_free(&r);
    /* and a program under the limit is not stopped */
    r = run_src("\"\"\"\nmax_ops: 1000\n\"\"\"\nfor i in range(10): pass\nprint(i)\n");
    CHECK_EQ_INT(r.st, SIM_OK);
    CHECK_EQ_STR(r.out, "9\n");
    run_free(&r);
}

static void test_virtual_time(void)
{
    Run r = run_src("import time\n"
                    "t0 = time.perf_counter()\n"
                    "time.sleep(1.5)\n"
                    "t1 = time.perf_counter()\n"
                    "time.sleep(0.25)\n"
                    "t2 = time.perf_counter()\n"
                    "print(abs((t1 - t0) - 1.5) < 1e-3, abs((t2 - t1) - 0.25) < 1e-3, t1 - t0 >= 1.5)\n");
    CHECK(r.loaded);
    CHECK_EQ_INT(r.st, SIM_OK);
    CHECK_EQ_STR(r.out, "True True True\n");
    CHECK(r.elapsed >= 1750000000LL && r.elapsed < 1850000000LL);
    run_free(&r);
    r = run_src("import time\ntime.sleep(1.5)\n");
    CHECK_EQ_INT(r.st, SIM_OK);
    if (!(r.elapsed >= 1500000000LL && r.elapsed < 1600000000LL))
        FAILF("sim_elapsed_ns after time.sleep(1.5) = %lld", (long long)r.elapsed);
    run_free(&r);
}

static void test_load_errors(void)
{
    Run r = run_src("x = 1\ndef f():\n    pass\nnonlocal y\n");
    CHECK(!r.loaded);
    CHECK_CONTAINS(r.load_msg, "4:1: nonlocal declaration not allowed at module level");
    run_free(&r);
    r = run_src("def f():\n    x = 1\n    def g():\n        nonlocal zz\n");
    CHECK(!r.loaded);
    CHECK_CONTAINS(r.load_msg, "no binding for nonlocal 'zz' found");
    CHECK(strncmp(r.load_msg, "4:", 2) == 0);
    run_free(&r);
}

/* Bug: recursion through a generator expression (each level consumed by a
 * builtin such as sum()) is not counted against the recursion limit, since
 * every generator has its own frame stack:
 *   def g(n): return sum(g(n) for _ in [1])
 *   g(1)
 * overflows the C stack (segfault in the release build at commit
 * 34a0f46, a stack-overflow report under ASan) or, with generators run
 * resumably, grows the heap for a minute until MemoryError - where
 * python3 raises RecursionError at once. */
static void genexp_recursion(void *arg)
{
    (void)arg;
    Run r = run_src("def g(n):\n    return sum(g(n) for _ in [1])\ng(1)\n");
    int ok = r.st == SIM_EXCEPTION && strstr(r.err, "RecursionError") != NULL;
    run_free(&r);
    _exit(ok ? 0 : 3);
}

static void test_bug_genexp_recursion_crashes(void)
{
    char why[200];
    if (!run_isolated(genexp_recursion, NULL, 20, why, sizeof why))
        FAILF("unbounded recursion through a generator expression: %s (expected RecursionError)", why);
}

/* Bug: the compiler recurses once per operand of a left-nested expression
 * with no depth limit, so a long `1 + 1 + ... + 1` overflows the C stack
 * (CPython: "RecursionError: maximum recursion depth exceeded during
 * compilation").  Loading must fail or succeed, never crash. */
static void deep_expression(void *arg)
{
    (void)arg;
    SBuf b = {0};
    sb_puts(&b, "x = (1");
    for (int i = 0; i < 200000; i++) sb_puts(&b, "\n+ 1");
    sb_puts(&b, ")\nprint(x)\n");
    Sim *S = sim_new();
    LoadError le;
    if (sim_load_source(S, "deep.py", b.s, b.n, NULL, 0, &le)) sim_run(S);
    sim_free(S);
    sb_free(&b);
}

static void test_bug_deep_expression_compile_crashes(void)
{
    char why[200];
    if (!run_isolated(deep_expression, NULL, 60, why, sizeof why))
        FAILF("loading 'x = (1 + 1 + ... )' with 200000 terms: %s", why);
}

/* Bug: when max_ops runs out inside a generator expression (or any code
 * run from C: key functions, __eq__...), the guard is raised in the program
 * as a RuntimeError: an uncaught one prints a spurious traceback, and a
 * caught one lets the program go on running (and printing) past the limit
 * before the run is stopped. */
static void test_bug_max_ops_inside_genexp(void)
{
    Run r = run_src("\"\"\"\nmax_ops: 1000\n\"\"\"\nprint(sum(x for x in range(10 ** 9)))\n");
    CHECK_EQ_INT(r.st, SIM_FATAL);
    CHECK_CONTAINS(r.fatal, "max_ops");
    CHECK(strstr(r.err, "RuntimeError") == NULL);
    run_free(&r);
    r = run_src("\"\"\"\nmax_ops: 1000\n\"\"\"\ntry:\n    sum(x for x in range(10 ** 9))\n"
                "except Exception:\n    pass\nprint(\"escaped the guard\")\n");
    CHECK_EQ_INT(r.st, SIM_FATAL);
    CHECK_EQ_STR(r.out, "");
    run_free(&r);
}

/* Bug: the !a conversion and %a format like !r / %r: non-ASCII characters
 * are not escaped (python3 prints 'caf\xe9 \u5909'). */
static void test_bug_ascii_conversion(void)
{
    check_output("s = \"caf\\u00e9 \\u5909\"\nprint(f\"{s!a}\")\nprint(\"%a\" % s)\nprint(f\"{'plain'!a}\")\n",
                 "'caf\\xe9 \\u5909'\n'caf\\xe9 \\u5909'\n'plain'\n");
}

/* Bug: -1 << 63 is -9223372036854775808, which fits in 64 bits, but the
 * shift raises OverflowError (any shift by 63 is rejected). */
static void test_bug_lshift_to_int64_min(void)
{
    check_output("print(-1 << 63, -2 << 62, 1 << 62)\n",
                 "-9223372036854775808 -9223372036854775808 4611686018427387904\n");
}

/* Bug: a __repr__ that recurses into repr(self) yields "..." (the cycle
 * guard meant for self-containing containers) where python3 raises
 * RecursionError. */
static void test_bug_recursive_repr(void)
{
    check_output("class R:\n    def __repr__(self):\n        return repr(self)\n"
                 "try:\n    print(repr(R()))\nexcept RecursionError:\n    print(\"RecursionError\")\n",
                 "RecursionError\n");
}

/* Bug: a self-documenting f-string expression with spaces around '='
 * ("{x = }", "{x= }", "{x =}") is a syntax error; python3 prints the text
 * with its spaces. */
static void test_bug_fstring_debug_spaces(void)
{
    check_output("x = 5\nv = 3.14159\nprint(f\"{x = }|{x= }|{x =}|{v = :.1f}\")\n",
                 "x = 5|x= 5|x =5|v = 3.1\n");
}

/* Bug: set displays of 3+ constants are built by CPython from a folded
 * frozenset constant, so with colliding hashes (hash(-1) == hash(-2)) the
 * printed order differs from inserting the items one by one, which is what
 * the simulator does. */
static void test_bug_set_literal_hash_collisions(void)
{
    check_output("print({-1, -2, 7}, {7, -2, -1})\n", "{-2, -1, 7} {-2, -1, 7}\n");
}

const TestCase compile_vm_tests[] = {
    {"vm_closures_nonlocal", test_closures_nonlocal},
    {"vm_class_super", test_class_super},
    {"vm_try_finally_return", test_try_finally_return},
    {"vm_break_continue_in_finally", test_break_continue_in_finally},
    {"vm_with_exit_and_suppression", test_with_exit_and_suppression},
    {"vm_exception_chaining_text", test_exception_chaining_text},
    {"vm_recursion_error", test_recursion_error},
    {"vm_int_past_64_bits", test_int_past_64_bits},
    {"vm_max_ops_guard", test_max_ops_guard},
    {"vm_genexp_is_lazy", test_genexp_is_lazy},
    {"vm_dict_insertion_order", test_dict_insertion_order},
    {"vm_set_print_order", test_set_print_order},
    {"vm_float_repr", test_float_repr},
    {"vm_fstring_format_specs", test_fstring_format_specs},
    {"vm_percent_formatting", test_percent_formatting},
    {"vm_virtual_time", test_virtual_time},
    {"vm_load_errors", test_load_errors},
    {"bug_vm_genexp_recursion_crashes", test_bug_genexp_recursion_crashes},
    {"bug_vm_deep_expression_compile_crashes", test_bug_deep_expression_compile_crashes},
    {"bug_vm_max_ops_inside_genexp", test_bug_max_ops_inside_genexp},
    {"bug_vm_ascii_conversion", test_bug_ascii_conversion},
    {"bug_vm_lshift_to_int64_min", test_bug_lshift_to_int64_min},
    {"bug_vm_recursive_repr", test_bug_recursive_repr},
    {"bug_vm_fstring_debug_spaces", test_bug_fstring_debug_spaces},
    {"bug_vm_set_literal_hash_collisions", test_bug_set_literal_hash_collisions},
    TEST_END,
};
