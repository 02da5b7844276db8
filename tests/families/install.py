"""Installation and the manual.

  install/tree           `make install DESTDIR=tmp PREFIX=/usr/local` puts the
                         binary, the man page, LESSONS.md and every scenario
                         in place; the installed `interleave lesson 1`, run
                         from elsewhere with stdin not a terminal, prints
                         lesson 1's text and its scenario's output (it finds
                         its data relative to itself); `make uninstall`
                         removes every file again
  install/man_lint       `groff -man -ww -z docs/interleave.1` says nothing
  install/man_coverage   the man page names every command, every `run`
                         option, every REPL command, every setting and every
                         environment variable that `--help` mentions

The install test installs the binary under test (INSTALL_BIN=), so it
needs no release build and runs under the sanitizers."""
import os
import re
import shutil
import subprocess
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
MAN = os.path.join(ROOT, "docs/interleave.1")


def make_env(ctx):
    env = dict(ctx.env)
    # not the outer make's jobserver or flags (make test runs this)
    for k in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL", "MAKEOVERRIDES", "INTERLEAVE_DATA"):
        env.pop(k, None)
    return env


def lesson_one():
    """Lesson 1's title, a line of its text and its first scenario."""
    with open(os.path.join(ROOT, "LESSONS.md"), encoding="utf-8") as f:
        text = f.read()
    m = re.search(r"^## 1\. (.+)$", text, re.M)
    assert m, "LESSONS.md has no lesson 1"
    body = text[m.end():].split("\n## ", 1)[0]
    line = next(l.strip() for l in body.splitlines() if l.strip() and not l.startswith("#"))
    scen = re.search(r"scenarios/[\w.]+\.py", body)
    assert scen, "lesson 1 names no scenario"
    return m.group(1).strip(), line, scen.group(0)


def t_tree(ctx):
    env = make_env(ctx)
    with tempfile.TemporaryDirectory() as dest, tempfile.TemporaryDirectory() as elsewhere:
        argv = ["make", "-s", "install", f"DESTDIR={dest}", "PREFIX=/usr/local", f"INSTALL_BIN={ctx.bin}"]
        code, out, err = ctx.run(argv, env=env, timeout=600)
        assert code == 0, f"make install: exit {code}\n{out[-800:]}{err[-800:]}"
        prefix = os.path.join(dest, "usr/local")
        binary = os.path.join(prefix, "bin/interleave")
        data = os.path.join(prefix, "share/interleave")
        assert os.access(binary, os.X_OK), "no executable bin/interleave"
        assert os.path.isfile(os.path.join(prefix, "share/man/man1/interleave.1")), "no man page"
        assert os.path.isfile(os.path.join(data, "LESSONS.md")), "no LESSONS.md"
        want = sorted(f for f in os.listdir(os.path.join(ROOT, "scenarios")) if f.endswith(".py"))
        got = sorted(f for f in os.listdir(os.path.join(data, "scenarios")) if f.endswith(".py"))
        assert got == want, f"installed scenarios {got}, expected {want}"
        levels = sorted(f for f in os.listdir(os.path.join(ROOT, "scenarios/challenges")) if f.endswith(".py"))
        got = sorted(os.listdir(os.path.join(data, "scenarios/challenges")))
        assert got == levels, f"installed challenges {got}, expected {levels}"

        # the installed program, away from the source tree
        code, out, err = ctx.run([binary, "run", "-q", os.path.join(data, "scenarios", want[0])], cwd=elsewhere, env=env)
        rep = ctx.sanitizer_report(err)
        assert not rep, rep
        assert code == 0, f"installed run: exit {code}: {err[-500:]}"
        title, line, scen = lesson_one()
        code, out, err = ctx.run([binary, "lesson", "1"], stdin=b"", cwd=elsewhere, env=env, timeout=300)
        rep = ctx.sanitizer_report(err)
        assert not rep, rep
        assert code == 0, f"installed `interleave lesson 1`: exit {code}\n{out[-500:]}\n{err[-800:]}"
        assert title in out, f"lesson 1's title ({title!r}) not in its output:\n{out[:800]}"
        assert line[:40] in out, f"lesson 1's text ({line[:40]!r}) not in its output:\n{out[:800]}"
        assert data in out or os.path.realpath(data) in out, f"lesson 1 did not run the installed scenarios:\n{out[:1500]}"
        _, sout, _ = ctx.run([ctx.bin, "run", "-q", scen], env=env)
        assert sout.strip() and sout.strip() in out, f"{scen}'s output not in the lesson's output:\n{out[-800:]}"

        # the installed challenges, listed from anywhere
        with tempfile.TemporaryDirectory() as state:
            cenv = dict(env, XDG_STATE_HOME=state)
            code, out, err = ctx.run([binary, "challenge"], cwd=elsewhere, env=cenv)
            assert code == 0 and f"0 of {len(levels)} won" in out, f"installed `interleave challenge`: exit {code}\n{out}{err[-500:]}"

        argv[2] = "uninstall"
        code, out, err = ctx.run(argv, env=env, timeout=300)
        assert code == 0, f"make uninstall: exit {code}\n{err[-800:]}"
        left = [os.path.join(d, f) for d, _, fs in os.walk(dest) for f in fs]
        assert not left, f"make uninstall left {left}"
        assert not os.path.exists(data), "make uninstall left share/interleave"


def groff_or_skip(ctx, name):
    if shutil.which("groff"):
        return True
    installable = os.geteuid() == 0 and shutil.which("apt-get")
    # make test installs groff (build/testdeps.ok) where it can
    ctx.record(name, not installable, "groff is not installed (make test installs it: apt-get install groff-base)")
    return False


def t_lint(ctx):
    p = subprocess.run(["groff", "-man", "-ww", "-z", MAN], capture_output=True, text=True)
    assert p.returncode == 0 and not p.stdout and not p.stderr, f"groff: exit {p.returncode}\n{p.stderr[:2000]}"


def man_text():
    """The man page's words: escapes and font changes removed."""
    with open(MAN, encoding="utf-8") as f:
        s = f.read()
    s = re.sub(r"\\f[BIRP]", "", s)
    s = s.replace("\\-", "-").replace("\\(aq", "'").replace("\\e", "\\").replace("\\c", "")
    return s


def t_coverage(ctx):
    man = man_text()
    missing = []

    def need(word, what):
        if not re.search(r"(?<![\w-])" + re.escape(word) + r"(?![\w-])", man):
            missing.append(f"{what} {word}")

    code, out, err = ctx.run([ctx.bin, "--help"])
    assert code == 0, err
    synopsis = out.split("\n\n", 1)[0]
    for cmd in re.findall(r"^\s*(?:usage: )?interleave (\w+)", synopsis, re.M):
        need(cmd, "command")
    for var in re.findall(r"\b[A-Z][A-Z_]{2,}\b", out.split("Environment:", 1)[1].split("Exit status")[0]):
        need(var, "environment variable")
    code, out, err = ctx.run([ctx.bin, "run", "--help"])
    for opt in re.findall(r"(?<![\w-])(--[a-z][a-z-]*|-[a-z])\b", out):
        need(opt, "run option")
    code, out, err = ctx.run([ctx.bin], stdin=b"help\n")
    for cmd in re.findall(r"^  (\w+)", out, re.M):
        need(cmd, "REPL command")
    code, out, err = ctx.run([ctx.bin], stdin=b"load scenarios/01_sequential_baseline.py\nshow settings\n")
    keys = re.findall(r"^(\w+)\s", out.split("> show settings", 1)[1], re.M)
    assert len(keys) > 10, out
    for key in keys:
        need(key + ":", "setting")
    for section in ("SYNOPSIS", "COMMANDS", "RUN OPTIONS", "PLAY OPTIONS", "SETTINGS", "REPL COMMANDS", "UI KEYS",
                    "EXPORTS", "FILES", "ENVIRONMENT", "EXIT STATUS", "EXAMPLES"):
        if f".SH {section}" not in man:
            missing.append(f"section {section}")
    assert not missing, "the man page lacks: " + ", ".join(missing)


def run(ctx):
    cases = [("install/tree", t_tree), ("install/man_lint", t_lint), ("install/man_coverage", t_coverage)]
    cases = [c for c in cases if ctx.wanted(c[0])]
    if not cases:
        return

    def one(c):
        name, fn = c
        if fn is t_lint and not groff_or_skip(ctx, name):
            return None
        try:
            fn(ctx)
            return name, True, ""
        except AssertionError as e:
            return name, False, str(e)

    for c in cases:
        r = one(c)
        if r:
            ctx.record(*r)
