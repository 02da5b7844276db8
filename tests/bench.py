#!/usr/bin/env python3
"""`make bench`: speed figures as ratios against python3, in the same run.

Each benchmark is a Python program run by python3 and by `interleave run -q`;
the best of --repeat wall times is kept for each, with peak memory (max RSS
of the child).  Nothing here is a test: it prints figures, never asserts."""
import argparse
import os
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

PROGRAMS = {
    "countdown 20M": """
def countdown(n):
    while n > 0:
        n -= 1
countdown(20_000_000)
print("done")
""",
    "fib(27)": """
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(27))
""",
    "dict of 1M ints": """
def build(n):
    d = {}
    for i in range(n):
        d[i] = i * 2
    total = 0
    for k in d:
        total += d[k]
    return total
print(build(1_000_000))
""",
    "join 1M strings": """
def join(n):
    parts = []
    for i in range(n):
        parts.append("s" + str(i % 100))
    return len(",".join(parts))
print(join(1_000_000))
""",
}


def run(argv):
    """Wall time and the child's own peak RSS in MB."""
    t0 = time.perf_counter()
    p = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out, err = p.communicate()
    dt = time.perf_counter() - t0
    # communicate() reaped the child; its rusage is in the children total only,
    # so measure with wait4 on a second, identical run when memory matters
    if p.returncode != 0:
        sys.stderr.write(err.decode(errors="replace"))
        raise SystemExit(f"benchmark failed: {' '.join(argv)}")
    return dt, peak_mb(argv), out


def peak_mb(argv):
    pid = os.fork()
    if pid == 0:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.dup2(devnull, 2)
        try:
            os.execvp(argv[0], argv)
        finally:
            os._exit(127)
    _, _, ru = os.wait4(pid, 0)
    return ru.ru_maxrss / 1024.0


def best(argv, repeat):
    times, mem, out = [], 0.0, b""
    for _ in range(repeat):
        dt, m, out = run(argv)
        times.append(dt)
        mem = max(mem, m)
    return min(times), mem, out


# About a million trace segments: 45,000 coroutines taking turns.
BIG_TRACE = """
import asyncio
async def worker():
    for _ in range(10):
        await asyncio.sleep(0)
async def main():
    await asyncio.gather(*[worker() for _ in range(45_000)])
    print("done")
asyncio.run(main())
"""


def ui_bench(binary):
    """The UI's frame time over a big trace, and its start-up per scenario
    (`play --bench-draw`: drawn headless, into /dev/null)."""
    print()
    print("UI (play --bench-draw, headless 200x50)")
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "big_trace.py")
        with open(path, "w") as f:
            f.write(BIG_TRACE)
        out = subprocess.run([binary, "play", "--bench-draw", "200", path], capture_output=True, text=True)
        print(f"  timeline of a big trace: {out.stdout.strip()} (goal: under 16 ms per frame)")
    worst, name = 0.0, ""
    for sc in sorted(os.listdir(os.path.join(ROOT, "scenarios"))):
        if not sc.endswith(".py"):
            continue
        t0 = time.perf_counter()
        subprocess.run([binary, "play", "--bench-draw", "0", os.path.join(ROOT, "scenarios", sc)], capture_output=True)
        dt = time.perf_counter() - t0
        if dt > worst:
            worst, name = dt, sc
    print(f"  start-up to the first frame, whole process: at most {worst * 1e3:.1f} ms ({name}; goal: under 50 ms)")



# `interleave explore` on the examples: (label, file, options)
EXPLORE = [
    ("2 threads x 2 increments, a call between", "tests/explore/race_call.py", []),
    ("the same without the call, GIL", "tests/explore/race_nocall.py", []),
    ("without the call, --every-op", "tests/explore/race_nocall.py", ["--every-op"]),
    ("3 dining philosophers", "tests/explore/philosophers.py", []),
    ("Condition.wait under if (level 4)", "scenarios/challenges/04_if_not_while.py", []),
]


def explore_bench(binary, repeat):
    """explore's wall time, schedules run and pruned, with the reduction and
    without it (--no-reduction), on the issue's examples."""
    import json
    print()
    print("explore (2 preemptions; wall time, best of %d)" % repeat)
    print(f"  {'':<42} {'outcomes':>8} {'runs':>6} {'pruned':>7} {'time':>7}   {'runs, no reduction':>19} {'time':>7}")
    for label, path, opts in EXPLORE:
        row = []
        for extra in ([], ["--no-reduction"]):
            times, d = [], None
            for _ in range(repeat):
                t0 = time.perf_counter()
                out = subprocess.run([binary, "explore", "--format", "json", *opts, *extra, os.path.join(ROOT, path)],
                                     capture_output=True, text=True)
                times.append(time.perf_counter() - t0)
                d = json.loads(out.stdout)
            row.append((d, min(times)))
        (d, t), (f, ft) = row
        outs = ",".join(sorted("deadlock" if o["deadlock"] else o["stdout"].strip()[:8] or "-" for o in d["outcomes"]))
        print(f"  {label:<42} {len(d['outcomes']):>8} {d['runs']:>6} {d['pruned']:>7} {t:6.2f}s   {f['runs']:>19} {ft:6.2f}s"
              f"   {outs[:40]}")
        sys.stdout.flush()
    print("  goals: 2 threads x a few increments well under a second; the philosophers' deadlock in seconds")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(ROOT, "interleave"))
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("-k", help="only benchmarks whose name contains this")
    args = ap.parse_args()
    py = sys.executable or "python3"
    print(f"interleave bench: best of {args.repeat}, wall time; ratio = interleave / python3 (lower is faster)")
    print(f"{'benchmark':<22} {'python3':>9} {'interleave':>11} {'ratio':>7}   {'py MB':>6} {'il MB':>6}")
    with tempfile.TemporaryDirectory() as d:
        for name, src in PROGRAMS.items():
            if args.k and args.k not in name:
                continue
            path = os.path.join(d, name.replace(" ", "_").replace("(", "").replace(")", "") + ".py")
            with open(path, "w") as f:
                f.write(src)
            pt, pm, pout = best([py, path], args.repeat)
            it, im, iout = best([args.bin, "run", "-q", path], args.repeat)
            same = "" if pout == iout else "   OUTPUT DIFFERS"
            print(f"{name:<22} {pt:8.3f}s {it:10.3f}s {it / pt:6.2f}x   {pm:6.1f} {im:6.1f}{same}")
            sys.stdout.flush()
    if not args.k or "ui" in args.k:
        ui_bench(args.bin)
    if not args.k or "explore" in args.k:
        explore_bench(args.bin, args.repeat)
    extra = os.path.join(ROOT, "tests", "bench_more.py")
    if os.path.exists(extra):
        subprocess.run([py, extra, "--bin", args.bin, "--repeat", str(args.repeat)] + (["-k", args.k] if args.k else []))


if __name__ == "__main__":
    main()
