"""Golden scenario tests: tests/golden/NAME.py with NAME.expected, and the
lesson scenarios scenarios/NAME.py with tests/golden/scenarios/NAME.expected.

NAME.expected is exactly what `interleave run --width 100 --trace-hash
NAME.py` printed (timeline, output, statistics, trace hash), reviewed by a
person when it was recorded.  Each program also runs twice more to check
that equal runs give an equal trace hash, and - when its first lines carry
`# parity: python3` - its stdout must equal python3's.

Regenerate one after a deliberate model change with
    python3 tests/families/golden.py --bin ./interleave --record NAME
and review the diff before committing it.
"""
import glob
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def all_files():
    return sorted(glob.glob(os.path.join(ROOT, "tests/golden/*.py"))) + sorted(glob.glob(os.path.join(ROOT, "scenarios/*.py")))


def expected_path(f):
    name = os.path.basename(f)[:-3]
    if os.path.basename(os.path.dirname(f)) == "scenarios":
        return os.path.join(ROOT, "tests/golden/scenarios", name + ".expected")
    return f[:-3] + ".expected"


def test_name(f):
    d = os.path.basename(os.path.dirname(f))
    return ("golden/scenarios/" if d == "scenarios" else "golden/") + os.path.basename(f)


def argv(bin_, path):
    return [bin_, "run", "--width", "100", "--trace-hash", os.path.relpath(path, ROOT)]


def run(ctx):
    files = [f for f in all_files() if ctx.wanted(test_name(f))]

    def one(f):
        name = test_name(f)
        code, out, err = ctx.run(argv(ctx.bin, f), env=dict(ctx.env, COLUMNS="100"))
        rep = ctx.sanitizer_report(err)
        if rep:
            return name, False, rep
        exp_path = expected_path(f)
        if not os.path.exists(exp_path):
            return name, False, "missing .expected (record it with tests/families/golden.py --record)"
        with open(exp_path, encoding="utf-8") as fh:
            expected = fh.read()
        if out != expected:
            import difflib
            d = "".join(list(difflib.unified_diff(expected.splitlines(True), out.splitlines(True), "expected", "got", n=1))[:50])
            return name, False, d
        code2, out2, _ = ctx.run(argv(ctx.bin, f))
        if out2 != out:
            return name, False, "a second run differs: the simulation is not deterministic"
        with open(f, encoding="utf-8") as fh:
            head = fh.read(400)
        # lesson scenarios carry no test markers (learners read them): their
        # python3 comparison, which allows for timing, is lesson_facts.PYTHON3
        parity = "# parity: python3" in head
        if parity and ctx.python:
            _, pout, _ = ctx.run([ctx.python, f], timeout=120)
            _, qout, _ = ctx.run([ctx.bin, "run", "-q", f])
            if pout != qout:
                import difflib
                d = "".join(difflib.unified_diff(pout.splitlines(True), qout.splitlines(True), "python3", "interleave", n=1))
                return name, False, "stdout differs from python3:\n" + d
        return name, True, ""

    ctx.parallel(files, one)


if __name__ == "__main__":
    import argparse
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(ROOT, "interleave"))
    ap.add_argument("--record", nargs="+", required=True, help="names (without .py) or 'all'")
    a = ap.parse_args()
    by_name = {os.path.basename(f)[:-3]: f for f in all_files()}
    names = sorted(by_name) if a.record == ["all"] else a.record
    os.makedirs(os.path.join(ROOT, "tests/golden/scenarios"), exist_ok=True)
    for n in names:
        f = by_name[n]
        p = subprocess.run(argv(a.bin, f), capture_output=True, cwd=ROOT, env=dict(os.environ, COLUMNS="100"))
        with open(expected_path(f), "w", encoding="utf-8") as fh:
            fh.write(p.stdout.decode())
        print("recorded", n, "exit", p.returncode)
