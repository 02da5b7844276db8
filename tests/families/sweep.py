"""The native sweep: every native callable, called with odd arguments.

The simulator says what there is: `sys.builtin_module_names` lists every
module, `dir()` every name in it and every attribute of its classes, and
`import builtins` gives the builtins and the builtin types.  For each module
a program is generated that calls every callable it finds - the functions,
the classes, their methods unbound (so `self` may be anything: None, an int,
another class), the methods of instances it managed to make, and for the
builtins the bound methods of every value of the pool - with 0 to 3
arguments drawn from values of every kind (None, the int64 extremes, big
ints, nan, -0.0, long and non-ASCII strings, empty and nested containers,
an instance, a class, a function, a coroutine, a lock, a process handle).

Every call must either work or raise a Python exception: under `make test`
the binary is built with ASan and UBSan, so an out-of-bounds read or
undefined behaviour in a native fails the test with the sanitizer's report.

A callable may also end the run legitimately: block forever (a deadlock),
sleep past max_time, exit the process.  The program prints the index of
each target before calling it, so when a run ends early the sweep goes on
from the next one in a new run (the one that ended it is listed with -v).

Part of `make test` (about two minutes on 2 cores); `make sweep` runs it
alone, -k sweep/NAME one module.

  sweep/NAME    one module's callables (sweep/builtins: the builtins, the
                builtin types and the methods of every value)"""
import os
import re
import tempfile
import time

PROGRAM = r'''
import sys, threading, multiprocessing, asyncio
import {module} as M
START, STOP, DRY = {start}, {stop}, {dry}
BUILTINS = {is_builtins}

class C:
    attr = 1
    def m(self, *a):
        return a

def f(*a, **k):
    return a

async def co():
    return 1

LOCK = threading.Lock()
PROC = multiprocessing.Process(target=f)
CORO = co()

def values():
    return [None, True, 0, -1, 1, 9223372036854775807, -9223372036854775808, 2 ** 100, -(2 ** 100),
            0.0, -0.0, float("nan"), float("inf"), 1e308, "", "x" * 3000, "h\u00e9llo \u2713 \U0001f600", "%s%d{{}}",
            [], (), {{}}, set(), frozenset(), [[1, [2, 3]], {{}}], (1, (2,)), {{1: {{2: 3}}, "k": []}}, {{1, "a"}},
            C(), C, f, LOCK, PROC, CORO, range(3), slice(1, 2), len, int, object()]

NV = len(values())

def arg_sets(extra):
    """0 args, every value alone, the extras alone, and fixed samples of pairs and triples"""
    v = values()
    out = [()]
    out += [(x,) for x in v]
    out += [(x,) for x in extra]
    for k in range(12):
        out.append((v[(k * 7 + 1) % NV], v[(k * 11 + 5) % NV]))
    for k in range(6):
        out.append((v[(k * 5 + 2) % NV], v[(k * 3 + 7) % NV], v[(k * 13 + 4) % NV]))
    return out

def names_of(obj):
    try:
        return sorted(dir(obj))
    except BaseException:
        return []

def attr(obj, name):
    try:
        return getattr(obj, name)
    except BaseException:
        return None

# the targets, in a fixed order: (label, callable)
targets = []
classes = []
for name in names_of(M):
    v = attr(M, name)
    if v is None or not callable(v):
        continue
    targets.append((name, v))
    if isinstance(v, type):
        classes.append((name, v))
        for a in names_of(v):
            w = attr(v, a)
            if w is not None and callable(w) and a not in ("__class__",):
                targets.append((name + "." + a, w))

# instances of the module's classes, made with no argument or one from the pool
instances = []
for name, cls in classes:
    made = 0
    for args in [()] + [(x,) for x in values()]:
        if made >= 2:
            break
        try:
            obj = cls(*args)
        except BaseException:
            continue
        instances.append((name, obj))
        made += 1
if BUILTINS:
    instances += [("value%d" % i, x) for i, x in enumerate(values())]
for name, obj in instances:
    for a in names_of(obj):
        w = attr(obj, a)
        if w is not None and callable(w) and a not in ("__class__",):
            targets.append((name + "()." + a, w))

# the module's own classes and instances are odd arguments too (a Handle
# method handed a Handle class, a Condition method handed a Lock)
extra = [c for _, c in classes[:6]] + [o for _, o in instances[:6]]

print("targets", len(targets))
for i in range(START, min(STOP, len(targets))):
    label, fn = targets[i]
    print("@", i, label)
    if DRY:
        continue
    for args in arg_sets(extra):
        try:
            fn(*args)
        except BaseException:
            pass
print("sweep done")
'''

# targets per run: a run that hangs (a native loop that ignores the
# limits) is split until the one target is found
CHUNK = 400
# a target that ends the run is skipped in a new run; more than this many
# such restarts in one chunk is itself a finding
MAX_RESTARTS = 40
# the limits of each run: a target that sleeps or blocks for ever meets them
LIMITS = ["--set", "max_ops=5000000", "--set", "max_time=10s"]
TIMEOUT = 240


def module_names(ctx):
    d = tempfile.mkdtemp()
    path = os.path.join(d, "names.py")
    with open(path, "w") as f:
        f.write("import sys\nfor n in sys.builtin_module_names:\n    print(n)\n")
    try:
        code, out, err = ctx.run([ctx.bin, "run", "-q", path], timeout=60)
    finally:
        os.unlink(path)
        os.rmdir(d)
    if code != 0:
        raise RuntimeError(f"sys.builtin_module_names: exit {code}: {err[-500:]}")
    # not the simulator's own helpers: they are reached through the modules
    return [n for n in out.split() if not n.startswith("_")]


class Failed(Exception):
    pass


def write(path, module, start, stop, dry=False):
    with open(path, "w") as f:
        f.write(PROGRAM.format(module=module, start=start, stop=stop, dry=dry, is_builtins=module == "builtins"))


def label(ctx, module, path, i):
    write(path, module, i, i + 1, dry=True)
    _, out, _ = ctx.run([ctx.bin, "run", "-q"] + LIMITS + [path], timeout=TIMEOUT)
    m = re.search(r"^@ \d+ (.*)$", out, re.M)
    return f"target {i} ({m.group(1) if m else '?'})"


def sweep_range(ctx, module, path, start, stop, ended):
    """Targets [start, stop) of module; returns how many the module has.
    A run's output comes at its end: a crash or a hang says nothing of
    where it happened, so the range is halved until one target is left."""
    total = None
    restarts = 0
    while start < stop:
        write(path, module, start, stop)
        code, out, err = ctx.run([ctx.bin, "run", "-q"] + LIMITS + [path], timeout=TIMEOUT)
        rep = ctx.sanitizer_report(err)
        hang = code == -1 and "timed out" in err
        if rep or hang or code < 0 or "internal error" in err:
            if stop - start > 1:
                mid = (start + stop) // 2
                total = sweep_range(ctx, module, path, start, mid, ended)
                sweep_range(ctx, module, path, mid, stop, ended)
                return total
            what = label(ctx, module, path, start)
            if hang:
                raise Failed(f"{what} runs for more than {TIMEOUT} s without meeting a limit")
            raise Failed(f"{what}: " + (rep or f"exit {code}\nstderr: {err[-1500:]}"))
        m = re.search(r"^targets (\d+)$", out, re.M)
        if not m:
            raise Failed(f"the sweep did not start (exit {code}):\n{err[-1500:]}")
        total = int(m.group(1))
        stop = min(stop, total)
        if re.search(r"^sweep done$", out, re.M):
            break
        last = re.findall(r"^@ (\d+) (.*)$", out, re.M)
        if not last:
            raise Failed(f"the run ended before target {start} (exit {code}):\n{err[-1500:]}")
        restarts += 1
        if restarts > MAX_RESTARTS:
            raise Failed(f"more than {MAX_RESTARTS} targets ended the run: {ended[-MAX_RESTARTS:]}")
        why = [l for l in err.splitlines() if l.startswith("interleave:") or "Error" in l]
        ended.append(f"{last[-1][1]} ({why[-1] if why else f'exit {code}'})")
        start = int(last[-1][0]) + 1
    return total


def run(ctx):
    if not ctx.wanted("sweep/modules") and not (ctx.filter and ctx.filter.startswith("sweep/")):
        return
    try:
        mods = module_names(ctx)
    except RuntimeError as e:
        ctx.record("sweep/modules", False, str(e))
        return
    if ctx.wanted("sweep/modules"):
        ctx.record("sweep/modules", len(mods) >= 40 and "builtins" in mods and "threading" in mods,
                   f"{len(mods)} modules: {mods}")
    items = [m for m in mods if ctx.wanted(f"sweep/{m}")]

    def one(module):
        name = f"sweep/{module}"
        d = tempfile.mkdtemp()
        path = os.path.join(d, "sweep_" + module.replace(".", "_") + ".py")
        ended = []
        began = time.time()
        try:
            start = 0
            total = sweep_range(ctx, module, path, 0, CHUNK, ended)
            for start in range(CHUNK, total or 0, CHUNK):
                sweep_range(ctx, module, path, start, start + CHUNK, ended)
        except Failed as e:
            return name, False, str(e)
        finally:
            if os.path.exists(path):
                os.unlink(path)
            os.rmdir(d)
        # a package may hold nothing but its submodules (concurrent)
        if total is None or (total < 3 and "." not in module and module not in ("concurrent",)):
            return name, False, f"only {total} targets found"
        if ctx.verbose:
            print(f"  {name}: {total} targets in {time.time() - began:.0f} s"
                  + ("; these ended a run: " + "; ".join(ended) if ended else ""))
        return name, True, ""

    ctx.parallel(items, one)
