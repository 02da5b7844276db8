"""REPL transcript tests: tests/repl/NAME.txt is a script of commands piped
into `interleave` (no terminal: no prompt, each command echoed after "> ");
tests/repl/NAME.expected is the whole output, reviewed when it was
recorded.  Each script also runs a second time to check that the
transcript is the same (stepping and going back are deterministic).

A script that hits errors on purpose starts with the line `# exit 1`: the
REPL exits 1 at the end of a piped script that hit an error, 0 otherwise.

Record one after a deliberate change with
    python3 tests/families/repl.py --bin ./interleave --record NAME
and review the diff before committing it.
"""
import glob
import os
import subprocess

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def scripts():
    return sorted(glob.glob(os.path.join(ROOT, "tests/repl/*.txt")))


def run(ctx):
    files = [f for f in scripts() if ctx.wanted("repl/" + os.path.basename(f))]

    def one(f):
        name = "repl/" + os.path.basename(f)
        with open(f, "rb") as fh:
            script = fh.read()
        code, out, err = ctx.run([ctx.bin], stdin=script, timeout=300)
        rep = ctx.sanitizer_report(err)
        if rep:
            return name, False, rep
        # a script that meant to hit errors says so on its first line; the
        # REPL then exits 1 at its end (as sqlite3 does), else 0
        want = 1 if script.startswith(b"# exit 1") else 0
        if code != want:
            return name, False, f"exit {code}, expected {want}\n{err[-800:]}"
        exp_path = f[:-4] + ".expected"
        if not os.path.exists(exp_path):
            return name, False, "missing .expected (record it with tests/families/repl.py --record)"
        with open(exp_path, encoding="utf-8") as fh:
            expected = fh.read()
        if out != expected:
            import difflib
            d = "".join(list(difflib.unified_diff(expected.splitlines(True), out.splitlines(True), "expected", "got", n=1))[:60])
            return name, False, d
        _, out2, _ = ctx.run([ctx.bin], stdin=script, timeout=300)
        if out2 != out:
            return name, False, "a second run gave another transcript"
        return name, True, ""

    ctx.parallel(files, one)

    # pausing never changes a run: a run stepped through with many pauses
    # (and a trip back) ends with the same trace as one run straight through
    cases = [f for f in sorted(glob.glob(os.path.join(ROOT, "scenarios/*.py")))
             if ctx.wanted("repl/pauses/" + os.path.basename(f))]

    def same(f):
        name = "repl/pauses/" + os.path.basename(f)
        rel = os.path.relpath(f, ROOT)
        code, out, err = ctx.run([ctx.bin, "run", "-q", "--trace-hash", rel])
        want = out.strip().split("\n")[-1].split()[-1]
        script = f"load {rel}\n" + "step 7\n" * 30 + "back 13\nstepi 40\nuntil 1ms\nstep 3\nrun\ninfo hash\n"
        code, out, err = ctx.run([ctx.bin], stdin=script.encode(), timeout=300)
        rep = ctx.sanitizer_report(err)
        if rep:
            return name, False, rep
        got = out.strip().split("\n")[-1].split()[-1]
        if got != want:
            return name, False, f"stepped run's trace hash {got}, straight run's {want}"
        return name, True, ""

    ctx.parallel(cases, same)


if __name__ == "__main__":
    import argparse
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(ROOT, "interleave"))
    ap.add_argument("--record", nargs="+", required=True, help="names (without .txt) or 'all'")
    a = ap.parse_args()
    names = [os.path.basename(f)[:-4] for f in scripts()] if a.record == ["all"] else a.record
    for n in sorted(names):
        f = os.path.join(ROOT, "tests/repl", n + ".txt")
        with open(f, "rb") as fh:
            p = subprocess.run([a.bin], input=fh.read(), capture_output=True, cwd=ROOT)
        with open(f[:-4] + ".expected", "w", encoding="utf-8") as fh:
            fh.write(p.stdout.decode())
        print("recorded", n, "exit", p.returncode)
