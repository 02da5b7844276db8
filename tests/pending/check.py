#!/usr/bin/env python3
"""Check (and with --write, regenerate) the expected outputs of tests/pending.

usage: check.py [--write] [--runs N] DIR_OR_FILE...

Each NAME.py is run from its own directory with the interpreters below, with
stdout a pipe, alternately block-buffered and PYTHONUNBUFFERED=1, under a
different PYTHONHASHSEED each run; every run must exit 0 and print the same stdout (and stderr, which is recorded as
NAME.err only when a NAME.err file already exists or the program's first lines
contain the marker "expect-stderr"; a program whose first lines contain
"ignore-stderr" may write anything to stderr, which is neither compared nor
kept).  lib/ uses both Debian's /usr/bin/python3
and pyenv's python3; trio/ and gevent/ only /usr/bin/python3 (the one with
python3-trio / python3-gevent installed).
"""
import os, subprocess, sys, time

DEBIAN = "/usr/bin/python3"
PYENV = os.path.expanduser("~/.pyenv/versions/3.11.7/bin/python3")


def interpreters(path):
    d = os.path.basename(os.path.dirname(os.path.abspath(path)))
    return [DEBIAN, PYENV] if d == "lib" else [DEBIAN]


def run(interp, path, seed, unbuffered):
    env = dict(os.environ)
    env["PYTHONHASHSEED"] = str(seed)
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env.pop("PYTHONUNBUFFERED", None)
    if unbuffered:
        env["PYTHONUNBUFFERED"] = "1"
    t0 = time.monotonic()
    try:
        p = subprocess.run([interp, os.path.basename(path)], cwd=os.path.dirname(os.path.abspath(path)),
                           capture_output=True, env=env, timeout=20)
    except subprocess.TimeoutExpired:
        return -999, b"", b"timeout", time.monotonic() - t0
    return p.returncode, p.stdout, p.stderr, time.monotonic() - t0


def main():
    args = sys.argv[1:]
    write = "--write" in args
    runs = 3
    if "--runs" in args:
        runs = int(args[args.index("--runs") + 1])
    paths = []
    skip = False
    for i, a in enumerate(args):
        if skip:
            skip = False
            continue
        if a == "--runs":
            skip = True
            continue
        if a.startswith("--"):
            continue
        if os.path.isdir(a):
            paths += sorted(os.path.join(a, f) for f in os.listdir(a) if f.endswith(".py"))
        else:
            paths.append(a)
    bad = 0
    for path in paths:
        base = path[:-3]
        with open(path) as f:
            head = f.read(600)
        want_err = os.path.exists(base + ".err") or "expect-stderr" in head
        ignore_err = "ignore-stderr" in head
        results = []
        for interp in interpreters(path):
            for r in range(runs):
                results.append((interp, r) + run(interp, path, r * 7 + 1, r % 2 == 1))
        problems = []
        ref = results[0]
        slow = max(x[5] for x in results)
        for interp, r, rc, out, err, dt in results:
            if rc != 0:
                problems.append(f"{interp} run {r}: exit {rc}: {err.decode()[-300:]}")
            if out != ref[3]:
                problems.append(f"{interp} run {r}: stdout differs")
            if want_err and err != ref[4]:
                problems.append(f"{interp} run {r}: stderr differs")
            if not want_err and not ignore_err and err:
                problems.append(f"{interp} run {r}: unexpected stderr: {err.decode()[-300:]}")
        if slow > 2.0:
            problems.append(f"slow: {slow:.2f}s")
        if write and not any("exit" in p or "differs" in p for p in problems):
            with open(base + ".out", "wb") as f:
                f.write(ref[3])
            if want_err:
                with open(base + ".err", "wb") as f:
                    f.write(ref[4])
        elif not write:
            try:
                with open(base + ".out", "rb") as f:
                    if f.read() != ref[3]:
                        problems.append("stdout differs from .out")
            except FileNotFoundError:
                problems.append("no .out")
            if want_err:
                try:
                    with open(base + ".err", "rb") as f:
                        if f.read() != ref[4]:
                            problems.append("stderr differs from .err")
                except FileNotFoundError:
                    problems.append("no .err")
        status = "ok" if not problems else "FAIL"
        if problems:
            bad += 1
        print(f"{status:4} {path} ({slow:.2f}s)")
        for p in problems:
            print("     ", p)
    sys.exit(1 if bad else 0)


main()
