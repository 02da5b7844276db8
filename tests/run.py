#!/usr/bin/env python3
"""The test runner behind `make test`.

Runs every test family against the binary given with --bin (the sanitizer
build) and ends with the line `N passed, N failed`.  Families:

  unit      C unit tests (tests/unit, one binary; each line "ok NAME" or "FAIL NAME: why")
  parity    tests/parity/*.py: `interleave run -q` prints exactly python3's stdout
            (the stored .out, and python3 live when it is installed)
  errors    tests/errors/*.py: `# expect-stderr:` substrings and `# expect-exit:`
  fuzz      saved fuzz inputs that once crashed (tests/fuzz/regressions): loading never crashes
  + the families registered in tests/families/*.py (each defines run(ctx))

Options: -k SUBSTR runs only tests whose name contains SUBSTR; -v prints passes.
"""
import argparse
import concurrent.futures
import glob
import importlib.util
import os
import shutil
import signal
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


class Ctx:
    def __init__(self, args):
        self.bin = os.path.abspath(args.bin)
        self.unit = args.unit
        self.filter = args.k
        self.skip = args.skip
        self.verbose = args.v
        self.results = []  # (name, ok, detail)
        self.python = shutil.which("python3")
        self.env = dict(os.environ)
        # ASan: leaks are errors; a report makes the run fail
        self.env.setdefault("ASAN_OPTIONS", "detect_leaks=1:abort_on_error=0:exitcode=86")
        # the binary under test is build/san/interleave: the data is here
        self.env.setdefault("INTERLEAVE_DATA", ROOT)
        # lesson progress and REPL history go to a place of the tests' own
        import tempfile
        self.env["XDG_STATE_HOME"] = tempfile.mkdtemp(prefix="il-state-")
        # and no calibration profile of the person running the tests
        self.env["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="il-config-")
        # the oracle is python3 as a learner runs it: with PYTHONUNBUFFERED
        # (set on some machines) every print is a write() that lets a
        # thread waiting for the GIL in at once, which CPython's default
        # buffering does not
        self.env.pop("PYTHONUNBUFFERED", None)
        self.env.setdefault("UBSAN_OPTIONS", "print_stacktrace=1:halt_on_error=1:exitcode=87")

    def wanted(self, name):
        if any(name.startswith(s) for s in self.skip):
            return False
        return not self.filter or self.filter in name

    def record(self, name, ok, detail=""):
        self.results.append((name, ok, detail))
        if not ok:
            print(f"FAIL {name}")
            if detail:
                for line in detail.rstrip("\n").split("\n")[:40]:
                    print(f"     {line}")
        elif self.verbose:
            print(f"ok   {name}")
        sys.stdout.flush()

    def run(self, argv, stdin=None, timeout=120, cwd=None, env=None):
        """Run a command; returns (code, stdout, stderr) as text."""
        try:
            p = subprocess.run(argv, input=stdin, capture_output=True, timeout=timeout,
                               cwd=cwd or ROOT, env=env or self.env)
            return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")
        except subprocess.TimeoutExpired:
            return -1, "", f"timed out after {timeout}s"

    def sanitizer_report(self, err):
        for marker in ("ERROR: AddressSanitizer", "ERROR: LeakSanitizer", "runtime error:", "SUMMARY: UndefinedBehaviorSanitizer"):
            if marker in err:
                return err[err.index(marker):][:2000]
        return None

    def parallel(self, items, fn):
        """Run fn(item) -> (name, ok, detail) on 2 workers, record in order."""
        with concurrent.futures.ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 2)) as ex:
            for name, ok, detail in ex.map(fn, items):
                self.record(name, ok, detail)


def diff(expected, got):
    import difflib
    d = difflib.unified_diff(expected.splitlines(True), got.splitlines(True), "expected", "got", n=1)
    return "".join(list(d)[:40])


def family_unit(ctx):
    if not ctx.unit or not ctx.wanted("unit"):
        return
    code, out, err = ctx.run([ctx.unit], timeout=300)
    seen = False
    for line in out.splitlines():
        if line.startswith("ok "):
            ctx.record("unit/" + line[3:].strip(), True)
            seen = True
        elif line.startswith("FAIL "):
            name, _, why = line[5:].partition(":")
            ctx.record("unit/" + name.strip(), False, why.strip())
            seen = True
    rep = ctx.sanitizer_report(err)
    if code != 0 or rep or not seen:
        ctx.record("unit/binary", False, (rep or err)[-2000:] + f"\nexit {code}")


def family_parity(ctx):
    files = sorted(glob.glob(os.path.join(ROOT, "tests/parity/*.py")))
    files = [f for f in files if ctx.wanted("parity/" + os.path.basename(f))]

    def one(f):
        name = "parity/" + os.path.basename(f)
        expf = f[:-3] + ".out"
        if not os.path.exists(expf):
            return name, False, "missing .out file"
        with open(expf, encoding="utf-8") as fh:
            expected = fh.read()
        code, out, err = ctx.run([ctx.bin, "run", "-q", f])
        rep = ctx.sanitizer_report(err)
        if rep:
            return name, False, rep
        if out != expected:
            return name, False, diff(expected, out) + ("\nstderr:\n" + err[-800:] if err else "")
        if code != 0:
            return name, False, f"exit {code}\n{err[-800:]}"
        # NAME.err: python3's exact stderr (logging's default stream)
        errf = f[:-3] + ".err"
        experr = open(errf, encoding="utf-8").read() if os.path.exists(errf) else None
        if experr is not None and err != experr:
            return name, False, "stderr:\n" + diff(experr, err)
        if ctx.python:
            pcode, pout, perr = ctx.run([ctx.python, f], timeout=120)
            if pout != out:
                return name, False, "differs from live python3:\n" + diff(pout, out)
            if experr is not None and perr != err:
                return name, False, "stderr differs from live python3:\n" + diff(perr, err)
        return name, True, ""

    ctx.parallel(files, one)


def parse_expectations(path):
    exp_err, exp_exit, exp_out = [], None, []
    with open(path, encoding="utf-8", errors="replace") as fh:
        for line in fh:
            if not line.startswith("#"):
                break
            body = line[1:].strip()
            if body.startswith("expect-stderr:"):
                exp_err.append(body[len("expect-stderr:"):].strip())
            elif body.startswith("expect-stdout:"):
                exp_out.append(body[len("expect-stdout:"):].strip())
            elif body.startswith("expect-exit:"):
                exp_exit = int(body[len("expect-exit:"):].strip())
    return exp_err, exp_exit, exp_out


def family_errors(ctx):
    files = sorted(glob.glob(os.path.join(ROOT, "tests/errors/*.py")))
    files = [f for f in files if ctx.wanted("errors/" + os.path.basename(f))]

    def one(f):
        name = "errors/" + os.path.basename(f)
        exp_err, exp_exit, exp_out = parse_expectations(f)
        rel = os.path.relpath(f, ROOT)
        code, out, err = ctx.run([ctx.bin, "run", "-q", rel])
        rep = ctx.sanitizer_report(err)
        if rep:
            return name, False, rep
        problems = []
        if exp_exit is not None and code != exp_exit:
            problems.append(f"exit {code}, expected {exp_exit}")
        for s in exp_err:
            if s not in err:
                problems.append(f"stderr lacks: {s}")
        for s in exp_out:
            if s not in out:
                problems.append(f"stdout lacks: {s}")
        if problems:
            return name, False, "\n".join(problems) + "\nstderr was:\n" + err[-1200:]
        return name, True, ""

    ctx.parallel(files, one)


def family_fuzz(ctx):
    files = sorted(glob.glob(os.path.join(ROOT, "tests/fuzz/regressions/*")))
    files = [f for f in files if ctx.wanted("fuzz/" + os.path.basename(f))]

    def one(f):
        name = "fuzz/" + os.path.basename(f)
        code, out, err = ctx.run([ctx.bin, "run", "-q", "--set", "max_ops=200000", f], timeout=60)
        rep = ctx.sanitizer_report(err)
        if rep:
            return name, False, rep
        if code not in (0, 1, 3) or code < 0:
            return name, False, f"exit {code}\n{err[-800:]}"
        return name, True, ""

    ctx.parallel(files, one)


def load_families():
    fams = []
    for path in sorted(glob.glob(os.path.join(ROOT, "tests/families/*.py"))):
        spec = importlib.util.spec_from_file_location("fam_" + os.path.basename(path)[:-3], path)
        mod = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(mod)
        fams.append((os.path.basename(path)[:-3], mod.run))
    return fams


def main():
    # a runner started in the background (nohup, `&` in a script) inherits
    # SIGINT ignored, and so would every python3 oracle it starts: the
    # programs that look at their SIGINT handler would then differ.  A
    # handler (not SIG_IGN) resets to the default in the children.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--unit")
    ap.add_argument("-k")
    # leave out a slow family in a quick local run (e.g. --skip sweep/)
    ap.add_argument("--skip", action="append", default=[])
    ap.add_argument("-v", action="store_true")
    args = ap.parse_args()
    ctx = Ctx(args)
    sys.path.insert(0, os.path.join(ROOT, "tests"))
    import time
    fams = [("unit", family_unit), ("parity", family_parity), ("errors", family_errors), ("fuzz", family_fuzz)]
    fams += load_families()
    t0 = time.time()
    for i, (name, fam) in enumerate(fams):
        before, t1 = len(ctx.results), time.time()
        fam(ctx)
        # progress between families: a full run takes minutes
        ran = ctx.results[before:]
        if ran:
            bad = sum(1 for r in ran if not r[1])
            print(f"[{i + 1}/{len(fams)}] {name}: {len(ran) - bad} passed, {bad} failed "
                  f"({time.time() - t1:.0f} s; {time.time() - t0:.0f} s so far)")
            sys.stdout.flush()
    passed = sum(1 for r in ctx.results if r[1])
    failed = len(ctx.results) - passed
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
