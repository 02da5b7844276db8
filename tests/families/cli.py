"""Command-line tests: what `interleave run` shows a program and says about
its own arguments, compared with python3 where python3 has an answer.

  cli/sys_argv_*        sys.argv is [the path as typed], or ['-'] for stdin
  cli/set_unknown_key   `--set nosuchkey=1` names every known setting
  cli/calibrate         `interleave calibrate` measures under python3 and
                        writes a profile of every setting it gives, which
                        the simulator accepts
  cli/help_libraries    `interleave --help` names every concurrency library
                        the simulator runs, as the man page's NAME line does
  cli/calibrated_runs   a profile is used only when asked (--calibrated,
                        `calibrated: yes`), beneath the header and --set,
                        and the run says so; none, or a bad one: a clear error
  cli/durations         --from, --to, --set and a header refuse a duration
                        past what a run holds, a negative one and one
                        without a unit with the same words (one parser; the
                        REPL's goto and until: tests/repl/31_durations)
"""
import json
import os
import subprocess
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
    assert "(known: title, cores," in err and ", max_trace)" in err, f"the list of keys is cut short: {err!r}"


STREAMS = """
import sys
import threading
import time
print("a")
print("b", file=sys.stderr)
print("c")
def worker():
    time.sleep(0.1)
    raise ValueError("from a thread")
t = threading.Thread(target=worker)
t.start()
t.join()
sys.stderr.write("d\\n")
print("e")
"""


def t_streams_in_order(ctx):
    # stdout and stderr in one pipe: in the order the program wrote them,
    # as python3 shows them on a terminal (a thread's traceback included)
    p = subprocess.run([ctx.bin, "run", "-q", "-"], input=STREAMS.encode(), stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT, env=ctx.env, timeout=120)
    out = p.stdout.decode()
    lines = [l for l in out.splitlines() if not l.startswith(" ")]
    want = ["a", "b", "c", "Exception in thread Thread-1 (worker):", "Traceback (most recent call last):",
            "ValueError: from a thread", "d", "e"]
    assert lines == want, f"got {lines}"
    # --format json: every write with its time and stream, in order
    code, js, err = ctx.run([ctx.bin, "run", "--format", "json", "-"], stdin=STREAMS.encode())
    writes = json.loads(js)["writes"]
    text = "".join(w["text"] for w in writes)
    assert text.startswith("a\nb\nc\nException in thread"), text[:200]
    assert [w["stream"] for w in writes[:4]] == ["stdout", "stdout", "stderr", "stderr"], writes[:4]
    assert all(a["t_ns"] <= b["t_ns"] for a, b in zip(writes, writes[1:])), "writes out of time order"


CAL_SETTINGS = ["op_cost", "thread_start_cost", "fork_cost", "spawn_cost", "forkserver_cost", "queue_latency",
                "pipe_latency", "pickle_cost", "sleep_slack", "switch_interval"]


def t_calibrate(ctx):
    with tempfile.TemporaryDirectory() as d:
        calibrate_in(ctx, d)


def calibrate_in(ctx, d):
    env = dict(ctx.env, XDG_CONFIG_HOME=d)
    code, out, err = ctx.run([ctx.bin, "calibrate"], env=env, timeout=300)
    assert not ctx.sanitizer_report(err), ctx.sanitizer_report(err)
    assert code == 0, f"exit {code}: {err[-800:]}"
    path = os.path.join(d, "interleave", "calibration")
    with open(path) as f:
        prof = f.read()
    assert f"written to {path}" in out, out
    keys = [l.split(":")[0] for l in prof.splitlines() if l and not l.startswith("#")]
    assert keys == CAL_SETTINGS, prof
    assert "Python 3." in prof, prof
    # the profile is what a run uses: the simulator reads it back
    code, out, err = ctx.run([ctx.bin, "run", "-q", "--calibrated", os.path.join(ROOT, "scenarios", "01_sequential_baseline.py")],
                             env=env)
    assert code == 0 and "calibration profile" not in err, f"exit {code}: {err[-500:]}"
    code, out2, err = ctx.run([ctx.bin, "calibrate", "--print"], env=dict(ctx.env, XDG_CONFIG_HOME="", HOME=""), timeout=300)
    assert code == 0 and out2.startswith("# interleave calibration profile"), f"exit {code}: {out2}{err[-500:]}"


CAL_PROGRAM = (
    '"""\ncalibrated: yes\nfork_cost: 1ms\n"""\n'
    "import multiprocessing, sys, time\n"
    "def f():\n    pass\n"
    "if __name__ == '__main__':\n"
    "    t = time.perf_counter()\n"
    "    p = multiprocessing.Process(target=f)\n    p.start()\n    p.join()\n"
    "    print(round((time.perf_counter() - t) * 1000), sys.getswitchinterval())\n")


def t_calibrated_runs(ctx):
    with tempfile.TemporaryDirectory() as d:
        calibrated_runs_in(ctx, d)


def calibrated_runs_in(ctx, d):
    env = dict(ctx.env, XDG_CONFIG_HOME=d)
    prog = os.path.join(d, "cal.py")
    with open(prog, "w") as f:
        f.write(CAL_PROGRAM)
    plain = os.path.join(d, "plain.py")
    with open(plain, "w") as f:
        f.write(CAL_PROGRAM.replace("calibrated: yes\nfork_cost: 1ms\n", ""))

    def run(*argv):
        code, out, err = ctx.run([ctx.bin, "run", *argv], env=env)
        assert not ctx.sanitizer_report(err), ctx.sanitizer_report(err)
        return code, out, err
    # no profile yet
    code, out, err = run("-q", prog)
    assert code == 2 and "no calibration profile: run `interleave calibrate` first" in err, f"exit {code}: {err}"
    os.makedirs(os.path.join(d, "interleave"))
    path = os.path.join(d, "interleave", "calibration")
    with open(path, "w") as f:
        f.write("# hand-made\nfork_cost: 30ms\nswitch_interval: 2ms\n")
    # the header's fork_cost wins; the profile gives the switch interval
    assert run("-q", prog)[1] == "1 0.002\n", run("-q", prog)
    assert run("-q", "--set", "fork_cost=5ms", prog)[1] == "5 0.002\n"
    # not asked: the defaults; asked by --calibrated: the profile's costs
    assert run("-q", plain)[1] == "2 0.005\n", run("-q", plain)
    assert run("-q", "--calibrated", plain)[1] == "30 0.002\n", run("-q", "--calibrated", plain)
    code, out, err = run("--no-timeline", "--calibrated", plain)
    assert f"calibrated: the costs of this machine ({path})" in out, out
    code, out, err = run("--format", "json", "--calibrated", plain)
    assert json.loads(out)["calibrated"] == path, out
    code, out, err = run("--format", "json", plain)
    assert json.loads(out)["calibrated"] is None, out
    with open(path, "w") as f:
        f.write("fork_cost: lots\n")
    code, out, err = run("-q", plain)
    assert code == 0 and f"the calibration profile is left out: {path}:1:12: error: bad value 'lots'" in err, err
    code, out, err = run("-q", "--calibrated", plain)
    assert code == 2 and "the calibration profile was refused" in err, err
    # a profile sets costs, not what a program means
    with open(path, "w") as f:
        f.write("seed: 5\n")
    code, out, err = run("-q", "--calibrated", plain)
    assert code == 2 and "'seed' is not a cost a calibration profile may set" in err, err


def t_help_libraries(ctx):
    code, out, err = ctx.run([ctx.bin, "--help"])
    assert code == 0, err
    text = " ".join(out.split())
    for lib in ("threads", "processes", "asyncio", "trio", "gevent"):
        assert lib in text, f"--help does not mention {lib}: {text[:400]}"


def t_durations(ctx):
    sc = "scenarios/05_convoy_effect.py"
    for value, why in (("9300000000s", "too long (at most 9200000000s)"), ("1e30s", "too long (at most 9200000000s)"),
                       ("-1ms", "a duration cannot be negative"),
                       ("12", "expected a duration with a unit (ns, us, ms, s), e.g. 5ms")):
        for argv, said in ((["--format", "chrome", "--from", value], f"bad time '{value}' for --from: {why}"),
                           (["--format", "svg", "--to", value], f"bad time '{value}' for --to: {why}"),
                           (["--set", f"max_time={value}"], f"bad value '{value}' for max_time: {why}")):
            code, out, err = ctx.run([ctx.bin, "run", *argv, sc])
            assert not ctx.sanitizer_report(err), ctx.sanitizer_report(err)
            assert code == 2 and said in err, f"{argv}: exit {code}, expected {said!r} in: {err[-300:]}"
    with tempfile.TemporaryDirectory() as d:
        prog = os.path.join(d, "p.py")
        with open(prog, "w") as f:
            f.write('"""\nswitch_interval: 9300000000s\n"""\nprint(1)\n')
        code, out, err = ctx.run([ctx.bin, "run", "-q", prog])
        said = "bad value '9300000000s' for switch_interval: too long (at most 9200000000s)"
        assert code != 0 and said in err, f"a header: exit {code}, expected {said!r} in: {err[-300:]}"


CASES = [
    ("cli/help_libraries", t_help_libraries),
    ("cli/durations", t_durations),
    ("cli/calibrate", t_calibrate),
    ("cli/calibrated_runs", t_calibrated_runs),
    ("cli/streams_in_order", t_streams_in_order),
    ("cli/sys_argv_relative", t_argv_relative),
    ("cli/sys_argv_dotted_path", t_argv_dotted_path),
    ("cli/sys_argv_absolute", t_argv_absolute),
    ("cli/sys_argv_stdin", t_argv_stdin),
    ("cli/set_unknown_key", t_set_unknown_key),
]


def run(ctx):
    cases = [(n, f) for n, f in CASES if ctx.wanted(n)]
    ctx.parallel(cases, lambda c: case(c[0], c[1])(ctx))
