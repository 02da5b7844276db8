"""The ncurses UI in a real terminal (tmux), driven as a person would:
keys in with `send-keys`, the screen out with `capture-pane` (`-e` where
colour matters).  Each case has its own tmux server, so cases run side by
side.  The program runs under a shell line that records its exit status
and keeps its stderr in a file, which is checked for sanitizer reports."""
import os
import re
import shutil
import subprocess
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


class Term:
    def __init__(self, ctx, name, argv, w=100, h=30, env=None, shell=False):
        self.sock = f"il-ui-{name}-{os.getpid()}"
        self.dir = tempfile.mkdtemp()
        self.err = os.path.join(self.dir, "stderr")
        exports = {"TERM": "tmux-256color", "LC_ALL": "C.UTF-8", "NO_COLOR": "",
                   "INTERLEAVE_HISTORY": os.path.join(self.dir, "history")}
        exports.update(env or {})
        setenv = " ".join(f"export {k}='{v}';" if v is not None else f"unset {k};" for k, v in exports.items())
        cmd = " ".join(f"'{a}'" for a in argv)
        if shell:
            # a shell first, the program typed into it (to see the shell come back)
            line = f"cd '{ROOT}' && {setenv} PS1='SHELL> ' exec bash --norc --noprofile"
            self.typed = f"{cmd} 2>'{self.err}'; echo EXIT=$?"
        else:
            line = f"cd '{ROOT}' && {setenv} {cmd} 2>'{self.err}'; echo EXIT=$?; sleep 600"
        # the server of the previous Term on this socket may still be going
        # away (kill-server does not wait for it): try again a few times
        for attempt in range(10):
            p = subprocess.run(["tmux", "-L", self.sock, "-f", "/dev/null", "new-session", "-d", "-x", str(w), "-y", str(h),
                                "-s", "t", line], env=ctx.env, capture_output=True)
            if p.returncode == 0:
                break
            time.sleep(0.2)
        else:
            raise AssertionError(f"tmux new-session failed: {p.stderr.decode(errors='replace')}")
        self.ctx = ctx
        if shell:
            self.wait_for("SHELL>")
            self.keys(self.typed, "Enter")

    def keys(self, *keys):
        subprocess.run(["tmux", "-L", self.sock, "send-keys", "-t", "t", *keys], check=True)

    def screen(self, escapes=False):
        argv = ["tmux", "-L", self.sock, "capture-pane", "-p", "-t", "t"] + (["-e"] if escapes else [])
        return subprocess.run(argv, capture_output=True).stdout.decode("utf-8", "replace")

    def raw(self, escapes=False):
        argv = ["tmux", "-L", self.sock, "capture-pane", "-p", "-t", "t"] + (["-e"] if escapes else [])
        return subprocess.run(argv, capture_output=True).stdout

    def wait_for(self, text, timeout=40, gone=False):
        end = time.time() + timeout
        while time.time() < end:
            s = self.screen()
            if (text in s) != gone:
                return s
            time.sleep(0.1)
        raise AssertionError(f"{'still' if gone else 'never'} saw {text!r} on screen:\n{self.screen()}")

    def wait_re(self, pattern, timeout=40):
        end = time.time() + timeout
        while time.time() < end:
            s = self.screen()
            m = re.search(pattern, s)
            if m:
                return m
            time.sleep(0.1)
        raise AssertionError(f"never saw /{pattern}/ on screen:\n{self.screen()}")

    def resize(self, w, h):
        subprocess.run(["tmux", "-L", self.sock, "resize-window", "-t", "t", "-x", str(w), "-y", str(h)], check=True)

    def status(self):
        lines = self.screen().rstrip("\n").split("\n")
        return lines[-1] if lines else ""

    def quit_and_check(self):
        """q, then the exit status is 0 and stderr holds no sanitizer report."""
        self.keys("Escape")  # an overlay open? q would only close it
        time.sleep(0.2)
        self.keys("q")
        self.wait_for("EXIT=")
        s = self.screen()
        assert "EXIT=0" in s, s
        with open(self.err, errors="replace") as f:
            err = f.read()
        rep = self.ctx.sanitizer_report(err)
        assert not rep, rep

    def close(self):
        subprocess.run(["tmux", "-L", self.sock, "kill-server"], capture_output=True)
        shutil.rmtree(self.dir, ignore_errors=True)


def play(ctx, name, scenario, *opts, **kw):
    return Term(ctx, name, [ctx.bin, "play", *opts, f"scenarios/{scenario}"], **kw)


TIME = r"(\d+(?:\.\d+)?) (ns|us|ms|s) / "
UNIT = {"ns": 1, "us": 1e3, "ms": 1e6, "s": 1e9}


def now_ns(t):
    """The playhead's time, from the status line ("12.30 ms / 108.23 ms")."""
    st = t.status()
    if re.search(r"\s0 / ", st):
        return 0
    m = re.search(TIME, st)
    assert m, f"no time in the status line: {st!r}"
    return float(m.group(1)) * UNIT[m.group(2)]


def case_starts(ctx, t):
    s = t.wait_for("Thread-2 (countdown)")
    for row in ("cpu0", "cpu1", "GIL", "0 MainThread", "1 Thread-1 (countdown)", "2 Thread-2 (countdown)",
                "Timeline", "Source", "Events", "Output", "The GIL: CPU-bound"):
        assert row in s, f"no {row!r} on the first screen:\n{s}"
    assert now_ns(t) == 0
    t.quit_and_check()


def case_play(ctx, t):
    t.wait_for("Thread-2 (countdown)")
    t.keys(" ")
    t.wait_re(r"[1-9][0-9.]* ms / ")
    a = now_ns(t)
    time.sleep(1.0)
    b = now_ns(t)
    assert b > a > 0, f"the clock did not advance while playing: {a} then {b}"
    t.keys(" ")  # pause: the clock stops
    time.sleep(0.3)
    c = now_ns(t)
    time.sleep(0.8)
    assert now_ns(t) == c, "the clock moved while paused"
    t.quit_and_check()


def case_step(ctx, t):
    t.wait_for("Thread-2 (countdown)")
    t.keys("Right", "Right", "Right")
    s = t.wait_for("MainThread takes the GIL")
    assert "MainThread was created" in s and "MainThread runs on cpu0" in s, s
    t.keys("End")
    t.wait_for("process MainProcess exits")
    end = now_ns(t)
    assert end > 100e6, end
    t.keys("Left")
    t.wait_for("process MainProcess exits", gone=True)
    assert now_ns(t) <= end
    t.keys("<", "<")
    time.sleep(0.5)
    assert now_ns(t) < end, "< did not go back a column"
    t.keys("Home")
    t.wait_re(r"\s0 / ")
    t.quit_and_check()


def case_zoom(ctx, t):
    t.wait_for("(whole run)")
    t.keys("End")
    t.wait_for("process MainProcess exits")
    axis = t.screen().split("\n")[1]
    t.keys("+", "+", "+")
    s = t.wait_for("(whole run)", gone=True)
    assert s.split("\n")[1] != axis, "the axis did not change with zoom"
    t.keys("-", "-", "-")
    t.wait_for("(whole run)")
    t.keys("+", "0")
    t.wait_for("(whole run)")
    t.quit_and_check()


def case_gil_toggle(ctx, t):
    t.wait_for("Thread-2 (countdown)")
    t.keys("End")
    t.wait_for("process MainProcess exits")
    t.keys("Home", ">", ">", ">", ">", ">", ">", ">", ">")
    time.sleep(0.5)
    before = now_ns(t)
    assert "GIL 5.00 ms" in t.status()
    t.keys("g")
    s = t.wait_for("no GIL")
    assert "simulated again" in s, s
    assert not re.search(r"^GIL ", s, re.M), f"the GIL row is still there:\n{s}"
    assert abs(now_ns(t) - before) < 1e6, f"the time moved: {before} -> {now_ns(t)}"
    t.keys("g")
    t.wait_for("GIL 5.00 ms")
    t.keys("c")
    t.wait_re(r"\b4 cores\b")
    t.quit_and_check()


def case_resize(ctx, t):
    t.wait_for("Thread-2 (countdown)")
    for w, h in ((60, 20), (200, 50), (80, 24)):
        t.resize(w, h)
        end = time.time() + 20
        while time.time() < end:
            lines = t.screen().rstrip("\n").split("\n")
            if len(lines) == h and "? help" in lines[-1]:
                break
            time.sleep(0.1)
        assert len(lines) == h, f"{len(lines)} lines at {w}x{h}"
        s = "\n".join(lines)
        for part in ("Timeline", "Events", "Output", "cpu0", "MainThread"):
            assert part in s, f"no {part!r} at {w}x{h}:\n{s}"
        assert "? help" in lines[-1], f"no status line at the bottom at {w}x{h}:\n{s}"
        assert max(len(l) for l in lines) <= w
    t.resize(40, 10)
    t.wait_for("terminal too small")
    t.resize(100, 30)
    t.wait_for("Thread-2 (countdown)")
    t.quit_and_check()


def case_command(ctx, t):
    t.wait_for("Thread-2 (countdown)")
    t.keys(":", "goto 20ms", "Enter")
    t.wait_for("at 20.00 ms")
    assert abs(now_ns(t) - 20e6) < 1e5, t.status()
    t.keys(":", "where", "Enter")
    s = t.wait_for(":where")
    assert "MainThread" in s and "running" in s, s
    t.keys("Escape")
    t.wait_for(":where", gone=True)
    t.keys(":", "nosuchcommand", "Enter")
    t.wait_for("unknown command")
    t.quit_and_check()


def case_help(ctx, t):
    t.wait_for("Thread-2 (countdown)")
    t.keys("?")
    s = t.wait_for("play / pause")
    for k in ("zoom in", "explain", "GIL on / off", "a REPL command", "quit"):
        assert k in s, f"help lacks {k!r}:\n{s}"
    t.keys("x")
    t.wait_for("play / pause", gone=True)
    t.keys("Right", "e")  # the cursor starts on MainThread's row
    t.wait_for("why MainThread")
    t.quit_and_check()


def case_quit_restores(ctx, t):
    t.wait_for("Thread-2 (countdown)")
    t.keys(" ")
    time.sleep(0.5)
    t.keys("q")
    s = t.wait_for("EXIT=0")
    assert "Timeline" not in s and "SHELL>" in s, f"the UI did not give the screen back:\n{s}"
    # the terminal is usable: echo works, input echoes
    t.keys("echo fine-$((6*7))", "Enter")
    t.wait_for("fine-42")
    with open(t.err, errors="replace") as f:
        rep = ctx.sanitizer_report(f.read())
    assert not rep, rep
    # and Ctrl-C quits as cleanly
    t.keys("clear", "Enter")
    t.wait_for("EXIT=0", gone=True)
    t.keys(t.typed, "Enter")
    t.wait_for("Thread-2 (countdown)")
    t.keys("C-c")
    s = t.wait_for("EXIT=0")
    assert "Timeline" not in s, f"the UI is still on screen after Ctrl-C:\n{s}"


def case_signals(ctx, t):
    """SIGTERM and a crash signal: the terminal comes back, and the shell works."""
    for i, (sig, status) in enumerate((("TERM", 143), ("SEGV", 139))):
        if i:  # the first run is the one the shell was started with
            # (clear may drop typed-ahead input: type once it is done)
            t.keys("clear", "Enter")
            t.wait_for("ok-42", gone=True)
            t.keys(t.typed, "Enter")
        t.wait_for("Thread-2 (countdown)")
        shell = subprocess.run(["tmux", "-L", t.sock, "display", "-p", "-t", "t", "#{pane_pid}"],
                               capture_output=True, text=True).stdout.strip()
        kid = subprocess.run(["pgrep", "-P", shell], capture_output=True, text=True).stdout.split()
        assert kid, "no program under the shell"
        subprocess.run(["kill", f"-{sig}", kid[0]])
        s = t.wait_for(f"EXIT={status}")
        assert "Timeline" not in s, f"the UI is still on screen after SIG{sig}:\n{s}"
        t.keys("echo ok-$((40+2))", "Enter")
        t.wait_for("ok-42")


def case_every_scenario(ctx, t):
    """Each scenario opens, plays to its end (End), shows its last output
    line in the Output pane, and quits cleanly."""
    t.close()
    for sc in sorted(os.listdir(os.path.join(ROOT, "scenarios"))):
        if not sc.endswith(".py"):
            continue
        code, out, err = ctx.run([ctx.bin, "run", "-q", f"scenarios/{sc}"])
        lines = [l for l in out.split("\n") if l.strip()]
        u = play(ctx, "every", sc, w=160, h=40)
        try:
            u.wait_for("? help")
            u.keys("End")
            # at the end: the clock shows the run's end, "T / T"
            m = u.wait_re(r" (\S+ \S+) / \1 ")
            if lines:
                u.wait_for(lines[-1][:30])
            assert "EXIT=" not in u.screen(), u.screen()
            u.quit_and_check()
        except AssertionError as e:
            raise AssertionError(f"{sc}: {e}")
        finally:
            u.close()


COLOUR = re.compile(rb"\x1b\[[0-9;]*(3[0-7]|38;5;\d+|9[0-7])[;m]")


def case_no_color(ctx, t):
    t.wait_for("Thread-2 (countdown)")
    t.keys("End")
    t.wait_for("process MainProcess exits")
    raw = t.raw(escapes=True)
    assert not COLOUR.search(raw), f"colour with NO_COLOR: {COLOUR.search(raw).group(0)!r}"
    assert "█" in t.screen(), "no running glyph"
    t.quit_and_check()
    # the same screen with colour has colour
    c = play(ctx, "colour", "04_gil_cpu_bound.py")
    try:
        c.wait_for("Thread-2 (countdown)")
        c.keys("End")
        c.wait_for("process MainProcess exits")
        assert COLOUR.search(c.raw(escapes=True)), "no colour without NO_COLOR"
        c.quit_and_check()
    finally:
        c.close()


def case_ascii(ctx, t):
    t.wait_for("Thread-2 (countdown)")
    t.keys("End", "?")
    t.wait_for("play / pause")
    raw = t.raw()
    bad = [b for b in raw if b >= 0x80]
    assert not bad, f"UTF-8 bytes in ASCII mode: {raw.decode('utf-8', 'replace')}"
    assert "#" in t.screen()
    t.keys("x")
    t.quit_and_check()
    # a locale that is not UTF-8 means ASCII too
    c = play(ctx, "clocale", "04_gil_cpu_bound.py", env={"LC_ALL": "C"})
    try:
        c.wait_for("Thread-2 (countdown)")
        c.keys("End")
        c.wait_for("process MainProcess exits")
        assert not [b for b in c.raw() if b >= 0x80], c.screen()
        c.quit_and_check()
    finally:
        c.close()


def case_present(ctx, t):
    s = t.wait_for("Lesson 3. The GIL and CPU-bound work")
    assert "Source" not in s and "Output" not in s, f"presenter mode shows more than timeline and events:\n{s}"
    assert "Events" in s and "Timeline" in s and "L3 1/2" in s, s
    t.keys("End")
    s = t.wait_for("process MainProcess exits")
    row = next(l for l in s.split("\n") if l.startswith("0 MainThread"))
    cells = row[len("0 MainThread"):].strip()
    # each cell is drawn twice: every run of one glyph has an even length
    assert cells and all(len(m.group(0)) % 2 == 0 for m in re.finditer(r"(.)\1*", cells)), f"cells not two wide: {row!r}"
    t.keys("n")
    t.wait_for("L3 2/2")
    t.quit_and_check()


def case_repl_ui(ctx, t):
    t.wait_for("(interleave)")
    t.keys("goto 20ms", "Enter")
    t.wait_for("at 20.00 ms")
    t.keys("ui", "Enter")
    t.wait_for("Thread-2 (countdown)")
    assert abs(now_ns(t) - 20e6) < 1e5, t.status()
    t.keys("Right", "Right", "q")
    s = t.wait_re(r"back from the UI at ([0-9.]+) ms")
    assert float(s.group(1)) >= 20.0, s.group(0)
    t.keys("where", "Enter")
    t.wait_for("MainThread")
    t.keys("quit", "Enter")
    t.wait_for("EXIT=0")


def case_dumb(ctx, t):
    t.wait_for("(interleave)")
    with open(t.err) as f:
        err = f.read()
    assert "TERM is dumb" in err and "opening the REPL instead" in err, err
    t.keys("run", "Enter")
    t.wait_for("the run ended normally")
    t.keys("quit", "Enter")
    t.wait_for("EXIT=0")


NUL_OUTPUT = 'print("a\\x00b")\nprint("after the NUL")\n'


def case_nul_output(ctx, t):
    # a NUL byte in the program's output: drawn as nothing, the UI stays live
    t.wait_for("Output")
    t.keys("End")
    s = t.wait_for("after the NUL", timeout=20)
    assert "ab" in s, s
    t.quit_and_check()


def nul_term(ctx):
    d = tempfile.mkdtemp()
    path = os.path.join(d, "nul.py")
    with open(path, "w") as f:
        f.write(NUL_OUTPUT)
    return Term(ctx, "nul", [ctx.bin, "play", path])


def run(ctx):
    cases = [
        ("tmux/ui_starts", case_starts, lambda: play(ctx, "starts", "04_gil_cpu_bound.py")),
        ("tmux/ui_play", case_play, lambda: play(ctx, "play", "04_gil_cpu_bound.py")),
        ("tmux/ui_step_back", case_step, lambda: play(ctx, "step", "04_gil_cpu_bound.py")),
        ("tmux/ui_zoom", case_zoom, lambda: play(ctx, "zoom", "04_gil_cpu_bound.py")),
        ("tmux/ui_gil_cores", case_gil_toggle, lambda: play(ctx, "gil", "04_gil_cpu_bound.py")),
        ("tmux/ui_resize", case_resize, lambda: play(ctx, "resize", "04_gil_cpu_bound.py")),
        ("tmux/ui_command", case_command, lambda: play(ctx, "cmd", "04_gil_cpu_bound.py")),
        ("tmux/ui_help_explain", case_help, lambda: play(ctx, "help", "04_gil_cpu_bound.py")),
        ("tmux/ui_quit_restores", case_quit_restores,
         lambda: Term(ctx, "quit", [ctx.bin, "play", "scenarios/04_gil_cpu_bound.py"], shell=True)),
        ("tmux/ui_every_scenario", case_every_scenario, lambda: play(ctx, "every0", "01_sequential_baseline.py")),
        ("tmux/ui_signals", case_signals,
         lambda: Term(ctx, "signals", [ctx.bin, "play", "scenarios/04_gil_cpu_bound.py"], shell=True)),
        ("tmux/ui_no_color", case_no_color, lambda: play(ctx, "nocolor", "04_gil_cpu_bound.py", env={"NO_COLOR": "1"})),
        ("tmux/ui_ascii", case_ascii, lambda: play(ctx, "ascii", "04_gil_cpu_bound.py", "--ascii")),
        ("tmux/ui_present", case_present, lambda: Term(ctx, "present", [ctx.bin, "lesson", "3", "--present"])),
        ("tmux/ui_from_repl", case_repl_ui, lambda: Term(ctx, "repl", [ctx.bin, "scenarios/04_gil_cpu_bound.py"])),
        ("tmux/ui_nul_output", case_nul_output, lambda: nul_term(ctx)),
        ("tmux/ui_term_dumb", case_dumb,
         lambda: play(ctx, "dumb", "02_interleaving_one_core.py", env={"TERM": "dumb"})),
    ]
    cases = [c for c in cases if ctx.wanted(c[0])]
    if not cases:
        return
    if not shutil.which("tmux"):
        for name, _, _ in cases:
            ctx.record(name, False, "tmux is not installed (make test installs it, or: sudo apt-get install tmux)")
        return

    def one(c):
        name, fn, make = c
        t = None
        try:
            t = make()
            fn(ctx, t)
            return name, True, ""
        except AssertionError as e:
            return name, False, str(e)
        finally:
            if t:
                t.close()

    ctx.parallel(cases, one)
