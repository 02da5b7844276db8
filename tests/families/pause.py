"""A debugger must not change the run: pausing a scenario anywhere and
going on gives the same trace as running it straight through.

For each case (threads with and without the GIL, processes, asyncio,
trio, gevent) the REPL loads the scenario, pauses after N trace records
(`step N`), at a time (`until T`) or both, runs to the end, and its
`info hash` must equal `interleave run -q --trace-hash` of the same
scenario and settings."""
import os

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

CASES = [
    ("scenarios/11_lock_fixes_race.py", ["--gil", "off"], "set gil off\n"),
    ("scenarios/11_lock_fixes_race.py", [], ""),
    ("scenarios/04_gil_cpu_bound.py", [], ""),
    ("scenarios/06_processes_cpu_bound.py", [], ""),
    ("scenarios/08_asyncio_gather.py", [], ""),
    ("tests/trio/005_nursery_multierror.py", [], ""),
    ("tests/gevent/019_cpu_starves_timer.py", [], ""),
]
PAUSES = ["step 7", "step 46", "step 400", "until 1ms", "until 3ms\nstep 13"]


def run(ctx):
    items = []
    for path, opts, setup in CASES:
        if not os.path.exists(os.path.join(ROOT, path)):
            continue
        for p in PAUSES:
            name = f"pause/{os.path.basename(path)}{''.join(opts)}@{p.replace(chr(10), ';')}"
            if ctx.wanted(name):
                items.append((name, path, opts, setup, p))

    want = {}

    def straight(path, opts):
        key = (path, tuple(opts))
        if key not in want:
            code, out, err = ctx.run([ctx.bin, "run", "-q", "--trace-hash", *opts, path], cwd=ROOT)
            want[key] = out.strip().splitlines()[-1] if out.strip() else f"(no hash: exit {code} {err[-300:]})"
        return want[key]

    def one(item):
        name, path, opts, setup, p = item
        script = f"load {path}\n{setup}{p}\nrun\ninfo hash\n"
        code, out, err = ctx.run([ctx.bin], cwd=ROOT, stdin=script.encode())
        rep = ctx.sanitizer_report(err)
        if rep:
            return name, False, rep
        got = [l for l in out.splitlines() if l.startswith("trace hash:")]
        exp = straight(path, opts)
        if not got or got[-1] != exp:
            return name, False, f"paused then run: {got[-1] if got else '(none)'}; straight run: {exp}"
        return name, True, ""

    ctx.parallel(items, one)
