"""Golden scenario tests: tests/golden/NAME.py with NAME.expected.

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


def argv(bin_, path):
    return [bin_, "run", "--width", "100", "--trace-hash", os.path.relpath(path, ROOT)]


def run(ctx):
    files = sorted(glob.glob(os.path.join(ROOT, "tests/golden/*.py")))
    files = [f for f in files if ctx.wanted("golden/" + os.path.basename(f))]

    def one(f):
        name = "golden/" + os.path.basename(f)
        code, out, err = ctx.run(argv(ctx.bin, f), env=dict(ctx.env, COLUMNS="100"))
        rep = ctx.sanitizer_report(err)
        if rep:
            return name, False, rep
        exp_path = f[:-3] + ".expected"
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
        if "# parity: python3" in head and ctx.python:
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
    names = [os.path.basename(f)[:-3] for f in glob.glob(os.path.join(ROOT, "tests/golden/*.py"))] if a.record == ["all"] else a.record
    for n in sorted(names):
        f = os.path.join(ROOT, "tests/golden", n + ".py")
        p = subprocess.run(argv(a.bin, f), capture_output=True, cwd=ROOT, env=dict(os.environ, COLUMNS="100"))
        with open(f[:-3] + ".expected", "w", encoding="utf-8") as fh:
            fh.write(p.stdout.decode())
        print("recorded", n, "exit", p.returncode)
