"""The REPL under abuse: 10,000 commands, drawn from a fixed seed, piped
into the REPL on a thread scenario and on a process scenario.

Most are real commands with arguments of every sort (numbers out of range,
negative, huge, times without units, unknown tasks, Python expressions
that raise or run for ever), the rest garbage: unknown words, control
characters, very long lines, lines of separators.  The REPL must:
  - never crash (no sanitizer report, no signal), and answer each line;
  - end at the end of the script with exit status 1 (it hit errors);
  - leave no process behind: the snapshots it forks to go back are all
    gone once it exits (found by their command line, which names the
    scenario's private copy).

  repl_abuse/threads     scenario 10 (a race between threads)
  repl_abuse/processes   scenario 14 (processes, a Pipe and a Value)"""
import os
import random
import shutil
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
N = 10000
SCENARIOS = [("threads", "10_race_counter.py"), ("processes", "14_pipe_and_value.py")]


def numbers(rng):
    return rng.choice(["0", "1", "3", "-1", "-99999", "99999999999999999999", "1e9", "nan", "2.5", "0x10", "", "abc",
                       str(rng.randint(0, 50))])


def times(rng):
    return rng.choice(["0ns", "1us", "500us", "1ms", "12.5ms", "2s", "100s", "-1ms", "5", "1e400s", "ms", "0.0001ns",
                       "9999999999999999999s", f"{rng.randint(0, 3000)}us"])


def tasks(rng):
    return rng.choice(["0", "1", "2", "7", "-1", "MainThread", "Thread-1", "nosuch", "worker", "Process-1", "T1"])


EXPRS = ["counter", "1/0", "[1] * 10**9", "'x' * 10**10", "total + 1", "len(results)", "undefined_name", "(", "lock",
         "sum(range(10**12))", "while", "__import__('os')", "open('/etc/passwd')", "threading.current_thread()", "1 +",
         "[i for i in range(10**8)]", "nan", "print('side effect')"]


def command(rng, tmp):
    k = rng.random()
    if k < 0.08:
        # garbage: unknown words, control characters, separators, long lines
        return rng.choice([
            "".join(rng.choice("abcdefghij;:!{}[]()\\'\"`$%^&*") for _ in range(rng.randint(1, 30))),
            "".join(chr(rng.randint(1, 31)) for _ in range(rng.randint(1, 10))),
            "step\x1b[A\x7f", "-" * rng.randint(1, 200), "x" * rng.randint(1000, 100000),
            "break " + "9" * 5000, "print " + "(" * 3000, "\t\t  ", "# a comment", "info " + "\x00" * 3,
        ])
    cmd = rng.choice(["step", "stepi", "back", "goto", "until", "break", "break on", "watch", "delete", "info", "where",
                      "print", "list", "explain", "timeline", "task", "set", "show", "restart", "run", "continue",
                      "reload", "help", "export", "ui", "load", "source", "compare"])
    if cmd in ("step", "stepi", "back"):
        return f"{cmd} {numbers(rng)}"
    if cmd in ("goto", "until"):
        return f"{cmd} {times(rng)}"
    if cmd == "break":
        return "break " + rng.choice([numbers(rng), tasks(rng)])
    if cmd == "break on":
        return "break on " + rng.choice(["gil-switch", "lock", "print", "spawn", "deadlock", "nosuch", ""])
    if cmd == "watch":
        return "watch " + rng.choice(["counter", "results", "nosuch", "1x", ""])
    if cmd == "delete":
        return "delete " + rng.choice(["", numbers(rng)])
    if cmd == "info":
        return "info " + rng.choice(["tasks", "cores", "gil", "locks", "queues", "timers", "stats", "breakpoints", "hash",
                                     "snapshots", "nosuch", ""])
    if cmd == "print":
        return "print " + rng.choice(EXPRS)
    if cmd in ("list", "explain", "task"):
        return f"{cmd} " + rng.choice([tasks(rng), numbers(rng), ""])
    if cmd == "timeline":
        return "timeline " + rng.choice(["", f"{times(rng)} {times(rng)}", times(rng)])
    if cmd == "set":
        key = rng.choice(["cores", "gil", "switch_interval", "op_cost", "seed", "jitter", "nosuch", "max_ops", "preempt"])
        val = rng.choice(["1", "2", "4", "0", "-1", "off", "on", "5ms", "1ns", "0.1", "every_op", "x", "9" * 30])
        return f"set {key} {val}"
    if cmd == "show":
        return "show " + rng.choice(["settings", "nosuch", ""])
    if cmd == "export":
        return "export " + rng.choice(["svg", "chrome", "pdf"]) + " " + rng.choice(
            [os.path.join(tmp, "out.svg"), os.path.join(tmp, "no", "such", "dir.json"), ""]) + rng.choice(
            ["", f" {times(rng)} {times(rng)}"])
    if cmd == "load":
        return "load " + rng.choice([os.path.join(tmp, "scenario.py"), "/no/such/file.py", "", "--schedule x"])
    if cmd == "source":
        return "source " + rng.choice(["/no/such/commands", os.path.join(tmp, "scenario.py")])
    if cmd == "compare":
        # compare runs the scenario several times: rare
        return rng.choice(["compare cores=1,2", "compare nosuch=1", "compare", "compare cores="]) if rng.random() < 0.1 \
            else "help compare"
    return cmd


def leftovers(marker):
    """Processes whose command line names marker (the REPL's snapshots)."""
    found = []
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/cmdline", "rb") as f:
                if marker.encode() in f.read():
                    found.append(int(name))
        except OSError:
            pass
    return found


def run(ctx):
    items = [(f"repl_abuse/{n}", s) for n, s in SCENARIOS if ctx.wanted(f"repl_abuse/{n}")]

    def one(item):
        name, scen = item
        tmp = tempfile.mkdtemp(prefix="il_abuse_")
        try:
            path = os.path.join(tmp, "scenario.py")
            shutil.copy(os.path.join(ROOT, "scenarios", scen), path)
            rng = random.Random(f"{name}-7")
            lines = [command(rng, tmp) for _ in range(N)]
            script = ("\n".join(lines) + "\n").encode("utf-8", "surrogateescape")
            code, out, err = ctx.run([ctx.bin, path], stdin=script, timeout=1500)
            rep = ctx.sanitizer_report(err)
            if rep:
                return name, False, rep
            if code != 1:
                return name, False, f"exit {code}, expected 1 (the script hit errors)\nstderr: {err[-1500:]}"
            # every line was answered: each command is echoed after "> "
            echoed = out.count("\n> ") + out.startswith("> ")
            if echoed < N * 0.9:
                return name, False, f"only {echoed} of {N} commands were echoed; the tail:\n{out[-1500:]}"
            for _ in range(50):
                left = leftovers(tmp)
                if not left:
                    break
                time.sleep(0.1)
            else:
                return name, False, f"processes left behind: {left}"
            return name, True, ""
        finally:
            shutil.rmtree(tmp, ignore_errors=True)

    ctx.parallel(items, one)
