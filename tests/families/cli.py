"""Command-line tests: what `interleave run` shows a program and says about
its own arguments, compared with python3 where python3 has an answer.

  cli/sys_argv_*        sys.argv is [the path as typed], or ['-'] for stdin
  cli/set_unknown_key   `--set nosuchkey=1` names every known setting
"""
import os
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

ARGV_PROGRAM = "import sys\nprint(sys.argv)\nprint(len(sys.argv))\n"


def case(name, fn):
    def wrapped(ctx):
        try:
            fn(ctx)
            return name, True, ""
        except AssertionError as e:
            return name, False, str(e)
    return wrapped


def run_both(ctx, argv_tail, stdin=None, cwd=None):
    """(interleave's stdout, python3's stdout or None) for the same program."""
    code, out, err = ctx.run([ctx.bin, "run", "-q", *argv_tail], stdin=stdin, cwd=cwd)
    rep = ctx.sanitizer_report(err)
    assert not rep, rep
    assert code == 0, f"exit {code}: {err[-500:]}"
    if not ctx.python:
        return out, None
    pcode, pout, perr = ctx.run([ctx.python, *argv_tail], stdin=stdin, cwd=cwd)
    return out, pout


def with_program(fn):
    def t(ctx):
        d = tempfile.mkdtemp()
        path = os.path.join(d, "show_argv.py")
        with open(path, "w") as f:
            f.write(ARGV_PROGRAM)
        try:
            fn(ctx, d, path)
        finally:
            os.unlink(path)
            os.rmdir(d)
    return t


@with_program
def t_argv_relative(ctx, d, path):
    out, pout = run_both(ctx, ["show_argv.py"], cwd=d)
    assert out.startswith("['show_argv.py']"), out
    assert pout is None or out == pout, f"interleave {out!r}, python3 {pout!r}"


@with_program
def t_argv_dotted_path(ctx, d, path):
    rel = os.path.join("..", os.path.basename(d), "show_argv.py")
    out, pout = run_both(ctx, [rel], cwd=d)
    assert out.startswith(repr([rel])), out
    assert pout is None or out == pout, f"interleave {out!r}, python3 {pout!r}"


@with_program
def t_argv_absolute(ctx, d, path):
    out, pout = run_both(ctx, [path])
    assert out.startswith(repr([path])), out
    assert pout is None or out == pout, f"interleave {out!r}, python3 {pout!r}"


def t_argv_stdin(ctx):
    out, pout = run_both(ctx, ["-"], stdin=ARGV_PROGRAM.encode())
    assert out == "['-']\n1\n", out
    assert pout is None or out == pout, f"interleave {out!r}, python3 {pout!r}"


def t_set_unknown_key(ctx):
    code, out, err = ctx.run([ctx.bin, "run", "--set", "nosuchkey=1", "-"], stdin=b"pass\n")
    assert code == 2, f"exit {code}, expected 2 (a usage error)"
    assert "unknown setting 'nosuchkey'" in err, err
    # the first and the last keys of the settings table bracket the list
    # (tests/unit/test_scenario.c checks every key)
    assert "(known: title, cores," in err and ", max_ops)" in err, f"the list of keys is cut short: {err!r}"


CASES = [
    ("cli/sys_argv_relative", t_argv_relative),
    ("cli/sys_argv_dotted_path", t_argv_dotted_path),
    ("cli/sys_argv_absolute", t_argv_absolute),
    ("cli/sys_argv_stdin", t_argv_stdin),
    ("cli/set_unknown_key", t_set_unknown_key),
]


def run(ctx):
    cases = [(n, f) for n, f in CASES if ctx.wanted(n)]
    ctx.parallel(cases, lambda c: case(c[0], c[1])(ctx))
