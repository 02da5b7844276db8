"""`interleave lesson`, `make run` and `interleave play` without a terminal.

  lessons/list            lists every "## N." lesson of LESSONS.md with its scenarios
  lessons/scenarios_exist every scenario a lesson names exists, every scenario is in a lesson
  lessons/text_run        `lesson 1` with no terminal: the text, then each scenario run as text
  lessons/bad_number      `lesson 99`: a clear error, exit 2
  lessons/make_run        tests/run_main.sh (what `make run` runs) with no terminal
  lessons/play_no_tty     `play FILE` in a pipe: a message, then the REPL reads the pipe
  lessons/play_broken     `play` of a broken scenario: file:line:col: error, exit 1
  lessons/data_env        $INTERLEAVE_DATA points the program at another data directory
"""
import os
import re
import shutil
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def lessons_md():
    with open(os.path.join(ROOT, "LESSONS.md")) as f:
        text = f.read()
    return re.findall(r"^## (\d+)\. (.*)$", text, re.M), text


def check(ctx, argv, code=0, stdin=None, env=None, cwd=None):
    c, out, err = ctx.run(argv, stdin=stdin.encode() if stdin is not None else None, env=env, cwd=cwd)
    rep = ctx.sanitizer_report(err)
    assert not rep, rep
    assert c == code, f"exit {c}, expected {code}\nstdout: {out[-800:]}\nstderr: {err[-800:]}"
    return out, err


def t_list(ctx):
    out, _ = check(ctx, [ctx.bin, "lesson"])
    heads, _ = lessons_md()
    assert heads, "no lessons in LESSONS.md"
    for n, title in heads:
        assert f"{int(n):2d}. {title}" in out, f"lesson {n} missing from:\n{out}"
    assert "01_sequential_baseline.py" in out


def t_scenarios_exist(ctx):
    heads, text = lessons_md()
    named = set(re.findall(r"scenarios/(\d\d_\w+\.py)", text))
    present = {f for f in os.listdir(os.path.join(ROOT, "scenarios")) if f.endswith(".py")}
    assert named <= present, f"LESSONS.md names missing scenarios: {sorted(named - present)}"
    assert present <= named, f"scenarios in no lesson: {sorted(present - named)}"


def t_text_run(ctx):
    out, _ = check(ctx, [ctx.bin, "lesson", "1"], stdin="")
    assert out.startswith("Lesson 1. Concurrency is not parallelism"), out[:200]
    assert "=== " in out and "01_sequential_baseline.py ===" in out and "02_interleaving_one_core.py ===" in out, out
    assert "cpu0" in out and "speedup" in out, "no text timeline and statistics"


def t_bad_number(ctx):
    _, err = check(ctx, [ctx.bin, "lesson", "99"], code=2)
    assert "no lesson 99" in err, err
    _, err = check(ctx, [ctx.bin, "lesson", "one"], code=2)
    assert "unexpected argument 'one'" in err, err


def t_make_run(ctx):
    env = dict(ctx.env)
    # run_main.sh runs ./interleave: point it at the binary under test
    d = tempfile.mkdtemp()
    try:
        for name in ("LESSONS.md", "scenarios"):
            os.symlink(os.path.join(ROOT, name), os.path.join(d, name))
        os.mkdir(os.path.join(d, "tests"))
        shutil.copy(os.path.join(ROOT, "tests", "run_main.sh"), os.path.join(d, "tests", "run_main.sh"))
        os.symlink(ctx.bin, os.path.join(d, "interleave"))
        out, _ = check(ctx, ["sh", os.path.join(d, "tests", "run_main.sh")], stdin="", env=env, cwd=d)
    finally:
        shutil.rmtree(d)
    assert out.startswith("Lesson 1."), out[:300]
    assert "sequential" in out.lower()


def t_play_no_tty(ctx):
    out, err = check(ctx, [ctx.bin, "play", "scenarios/02_interleaving_one_core.py"], stdin="run\ninfo gil\n")
    assert "opening the REPL instead" in err, err
    assert "> run" in out and "the run ended normally" in out, out


def t_play_broken(ctx):
    d = tempfile.mkdtemp()
    path = os.path.join(d, "broken.py")
    with open(path, "w") as f:
        f.write("x = 1\nif x\n    print(x)\n")
    try:
        out, err = check(ctx, [ctx.bin, "play", path], code=1, stdin="")
    finally:
        shutil.rmtree(d)
    assert f"{path}:2:5: error:" in err, err
    assert "\x1b" not in out + err, "the terminal was touched"


def t_data_env(ctx):
    d = tempfile.mkdtemp()
    try:
        os.mkdir(os.path.join(d, "scenarios"))
        with open(os.path.join(d, "LESSONS.md"), "w") as f:
            f.write("# Lessons\n\n## 1. Only one\n\n`scenarios/solo.py` prints.\n")
        with open(os.path.join(d, "scenarios", "solo.py"), "w") as f:
            f.write("print('solo here')\n")
        env = dict(ctx.env)
        env["INTERLEAVE_DATA"] = d
        out, _ = check(ctx, [ctx.bin, "lesson"], env=env)
        assert " 1. Only one" in out and "solo.py" in out and "Concurrency" not in out, out
        out, _ = check(ctx, [ctx.bin, "lesson", "1"], env=env, stdin="")
        assert "solo here" in out, out
    finally:
        shutil.rmtree(d)


CASES = [
    ("lessons/list", t_list),
    ("lessons/scenarios_exist", t_scenarios_exist),
    ("lessons/text_run", t_text_run),
    ("lessons/bad_number", t_bad_number),
    ("lessons/make_run", t_make_run),
    ("lessons/play_no_tty", t_play_no_tty),
    ("lessons/play_broken", t_play_broken),
    ("lessons/data_env", t_data_env),
]


def run(ctx):
    cases = [c for c in CASES if ctx.wanted(c[0])]

    def one(c):
        name, fn = c
        try:
            fn(ctx)
            return name, True, ""
        except AssertionError as e:
            return name, False, str(e)

    ctx.parallel(cases, one)
