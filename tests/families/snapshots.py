"""Going back through process snapshots is the same as running again.

The REPL snapshots its process while a run moves forward and, going back,
resumes the latest snapshot before the target (ui/snap.c).  For every
scenario a script moves forward, back, to a time and back again; its
transcript must be byte-identical with snapshots off
(INTERLEAVE_SNAPSHOTS=0), where going back runs from the start.

  snapshots/<scenario>   the two transcripts are equal
  snapshots/used         a long run does leave snapshots, and back resumes one
  snapshots/breakpoints  breakpoints set after a snapshot survive going back to it
  snapshots/cap          the snapshots of a process are bounded by its size
                         (ui/snap.c: 4 GB / its size, at least 8): a 640 MB
                         heap keeps 8 of a run that leaves 16 without it
                         (the ceiling of 200 would take a run of 1.6 G ops)
"""
import glob
import os
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

SCRIPT = """run
info hash
back 7
info hash
where
goto {mid}
info hash
where
step 3
back 2
info hash
goto {late}
where
info hash
"""


def transcript(ctx, scenario, script, snapshots=True):
    env = dict(ctx.env)
    env["INTERLEAVE_SNAPSHOTS"] = "1" if snapshots else "0"
    code, out, err = ctx.run([ctx.bin, scenario], stdin=script.encode(), env=env)
    rep = ctx.sanitizer_report(err)
    assert not rep, rep
    assert code == 0, f"exit {code}: {err[-400:]}"
    return out


def end_time(ctx, scenario):
    code, out, err = ctx.run([ctx.bin, "run", "--format", "json", scenario])
    import json
    return json.loads(out)["elapsed_ns"]


def case_equal(ctx, scenario):
    end = end_time(ctx, scenario)
    script = SCRIPT.format(mid=f"{end // 2}ns", late=f"{end * 9 // 10}ns")
    a = transcript(ctx, scenario, script, True)
    b = transcript(ctx, scenario, script, False)
    if a != b:
        import difflib
        d = "".join(difflib.unified_diff(b.splitlines(True), a.splitlines(True), "re-run", "snapshots", n=1))
        raise AssertionError("snapshots change the transcript:\n" + d)


def case_used(ctx):
    sc = os.path.join(ROOT, "scenarios", "05_convoy_effect.py")
    out = transcript(ctx, sc, "run\ninfo snapshots\ngoto 100ms\ninfo snapshots\nwhere\n")
    lines = [l for l in out.split("\n") if "snapshot" in l and "taken every" in l]
    assert len(lines) == 2, out
    first, second = (int(l.split()[0]) for l in lines)
    assert first >= 4, f"a 265 ms run left only {first} snapshots:\n{out}"
    # resumed from one before 100 ms, which left a copy of itself in its
    # place: none is lost
    assert second == first, out
    went_on = [l for l in out.split("\n") if l.startswith("this session went on from the snapshot at ")]
    assert len(went_on) == 1 and went_on[0].endswith(" ms"), out
    at = float(went_on[0].split()[-2])
    assert 60 < at < 100, out
    assert "at 100.00 ms" in out and "Thread-1 (cpu_work)" in out, out


def case_breakpoints(ctx):
    sc = os.path.join(ROOT, "scenarios", "05_convoy_effect.py")
    script = "goto 200ms\nbreak 25\nwatch nosuch\ninfo breakpoints\ngoto 40ms\ninfo breakpoints\ncontinue\nwhere\n"
    a = transcript(ctx, sc, script, True)
    b = transcript(ctx, sc, script, False)
    assert a == b, f"with snapshots:\n{a}\nwithout:\n{b}"
    assert "breakpoint: " in a, a


CAP_PROGRAM = """big = ['x' * 128000000 for i in range({n})]
for i in range(45000000):
    pass
"""


def case_cap(ctx):
    counts = []
    with tempfile.TemporaryDirectory() as d:
        for n in (0, 5):
            path = os.path.join(d, f"heap{n}.py")
            with open(path, "w") as f:
                f.write(CAP_PROGRAM.format(n=n))
            out = transcript(ctx, path, "run\ninfo snapshots\n")
            lines = [l for l in out.split("\n") if "taken every" in l]
            assert len(lines) == 1, out
            counts.append(int(lines[0].split()[0]))
    small, big = counts
    assert small > 8, f"a run of 90 M ops left only {small} snapshots: the cap cannot show"
    assert big == 8, f"with a 640 MB heap the REPL kept {big} snapshots, not 8 (4 GB / 640 MB is 6; the floor is 8)"


def run(ctx):
    cases = [(f"snapshots/{os.path.basename(f)[:-3]}", f) for f in sorted(glob.glob(os.path.join(ROOT, "scenarios", "*.py")))]
    cases += [("snapshots/used", None), ("snapshots/breakpoints", None), ("snapshots/cap", None)]
    cases = [c for c in cases if ctx.wanted(c[0])]

    def one(c):
        name, f = c
        try:
            if name == "snapshots/used":
                case_used(ctx)
            elif name == "snapshots/breakpoints":
                case_breakpoints(ctx)
            elif name == "snapshots/cap":
                case_cap(ctx)
            else:
                case_equal(ctx, f)
            return name, True, ""
        except AssertionError as e:
            return name, False, str(e)

    ctx.parallel(cases, one)
