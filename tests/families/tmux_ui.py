"""The ncurses UI in a real terminal (tmux), driven as a person would:
keys in with `send-keys`, the screen out with `capture-pane` (`-e` where
colour matters).  Each case has its own tmux server, so cases run side by
side.  The program runs under a shell line that records its exit status
and keeps its stderr in a file, which is checked for sanitizer reports."""
import os
import random
import re
import shutil
import signal
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
        self.state = exports.get("XDG_STATE_HOME")
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
        # not "EXIT=": a shell-started program's typed line holds "EXIT=$?",
        # on screen again as soon as the UI gives the screen back
        self.wait_re(r"EXIT=\d")
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
    t.wait_for("(whole run)", gone=True)
    # the status line and the axis may reach tmux in two writes: poll
    end = time.time() + 10
    while t.screen().split("\n")[1] == axis and time.time() < end:
        time.sleep(0.1)
    assert t.screen().split("\n")[1] != axis, "the axis did not change with zoom"
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


def case_abuse(ctx, t):
    """Tiny terminals say so; a resize storm while playing and every key
    pressed fast leave the UI alive and the terminal restored."""
    t.wait_for("Thread-2 (countdown)")
    for w, h in ((10, 5), (20, 8)):
        t.resize(w, h)
        s = t.wait_for("too small")
        lines = s.rstrip("\n").split("\n")
        assert len(lines) <= h and max(len(l) for l in lines) <= w, f"garbage at {w}x{h}:\n{s}"
        assert "q quits" in s, f"no way out shown at {w}x{h}:\n{s}"
    t.resize(100, 30)
    t.wait_for("Thread-2 (countdown)")
    t.keys(" ")  # play
    rng = random.Random(11)
    sizes = [(10, 5), (20, 8), (40, 12), (80, 24), (100, 30), (200, 60), (61, 17), (33, 9)]
    keys = [" ", "Left", "Right", "Up", "Down", "Home", "End", "+", "-", "z", "Z", "e", "?", "L", "Tab", "g", "c",
            "PageUp", "PageDown", "Enter", "Escape", "x", "1", "9", "[", "]", "<", ">", ".", "BSpace", "F1", "C-l"]
    for i in range(60):
        if i % 3 == 0:
            t.resize(*rng.choice(sizes))
        t.keys(*(rng.choice(keys) for _ in range(5)))
    t.resize(100, 30)
    t.keys("Escape", "Escape")
    t.wait_for("? help")
    t.quit_and_check()
    s = t.screen()
    assert "Timeline" not in s, f"the UI did not give the screen back:\n{s}"
    t.keys("echo fine-$((6*7))", "Enter")
    t.wait_for("fine-42")


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
    """SIGTERM, a crash signal and uncommon ones (SIGUSR1, SIGALRM, SIGSTKFLT,
    SIGPWR, real-time signals: every one whose default action ends the
    process): the terminal comes back, the program dies by that signal, and
    the shell works."""
    sigs = [("TERM", signal.SIGTERM), ("SEGV", signal.SIGSEGV), ("USR1", signal.SIGUSR1), ("ALRM", signal.SIGALRM),
            ("STKFLT", signal.SIGSTKFLT), ("PWR", signal.SIGPWR), ("RTMIN", signal.SIGRTMIN), ("40", 40),
            ("RTMAX", signal.SIGRTMAX)]
    for i, (sig, num) in enumerate(sigs):
        status = 128 + int(num)
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
        os.kill(int(kid[0]), num)
        s = t.wait_for(f"EXIT={status}")
        assert "Timeline" not in s, f"the UI is still on screen after SIG{sig}:\n{s}"
        # the alternate screen left and the cursor shown again
        modes = subprocess.run(["tmux", "-L", t.sock, "display", "-p", "-t", "t", "#{alternate_on} #{cursor_flag}"],
                               capture_output=True, text=True).stdout.split()
        assert modes == ["0", "1"], f"after SIG{sig} the terminal is left with alternate_on, cursor_flag = {modes}"
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
    s = t.wait_for("L3 1/2 The GIL and CPU-bound work")
    assert "Source" not in s, f"presenter mode shows the source:\n{s}"
    assert "Events" in s and "Timeline" in s and "Output" in s, s
    t.keys("End")
    s = t.wait_for("process MainProcess exits")
    row = next(l for l in s.split("\n") if l.startswith("0 MainThread"))
    cells = row[len("0 MainThread"):].strip()
    # each cell is drawn twice: every run of one glyph has an even length
    assert cells and all(len(m.group(0)) % 2 == 0 for m in re.finditer(r"(.)\1*", cells)), f"cells not two wide: {row!r}"
    t.keys("n")
    t.wait_for("L3 2/2")
    t.quit_and_check()


RATE = r"(\d+(?:\.\d+)?) (ns|us|ms|s)/s "


def rate_ns(t):
    """The playback rate, from the status line ("7.2 ms/s")."""
    m = re.search(RATE, t.status())
    assert m, f"no rate in the status line: {t.status()!r}"
    return float(m.group(1)) * UNIT[m.group(2)]


def case_present_pace(ctx, t):
    """Presenter mode plays a whole run at a demo's pace, whatever its
    virtual length (about 15 s; at a rung of the ladder 04 took 54 s, 03 50
    s, 12 44 s): not over after 5 s of polling, over within 40; [ and ]
    still change the rate."""
    t.wait_for("0 MainThread")
    t.keys(" ")
    start = time.time()
    while time.time() - start < 5:
        assert "the end of the run" not in t.status(), f"played in under 5 s: {t.status()!r}"
        time.sleep(0.2)
    t.wait_for("the end of the run", timeout=35)
    r = rate_ns(t)
    t.keys("[")
    end = time.time() + 10
    while rate_ns(t) == r and time.time() < end:
        time.sleep(0.1)
    slower = rate_ns(t)
    t.keys("]", "]")
    end = time.time() + 10
    while rate_ns(t) == slower and time.time() < end:
        time.sleep(0.1)
    time.sleep(0.3)
    assert slower < r < rate_ns(t), f"[ and ] did not change the rate: {r}, then {slower}, then {rate_ns(t)}"
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


def play_source(ctx, name, filename, src, **kw):
    """`play` on src written to filename in a fresh directory (t.prog)."""
    path = os.path.join(tempfile.mkdtemp(), filename)
    with open(path, "w") as f:
        f.write(src)
    t = Term(ctx, name, [ctx.bin, "play", path], **kw)
    t.prog = path
    return t


def state_dir():
    """A fresh $XDG_STATE_HOME: the lesson progress of one case."""
    return tempfile.mkdtemp(prefix="il-state-")


def lesson_term(ctx, name, *args, w=100, h=30, state=None):
    return Term(ctx, name, [ctx.bin, "lesson", *args], w=w, h=h, env={"XDG_STATE_HOME": state or state_dir()})


def progress_lines(t):
    """The progress file's lines as [lesson, question, result, answer]."""
    path = os.path.join(t.state, "interleave", "lessons.progress")
    if not os.path.exists(path):
        return []
    with open(path) as f:
        return [l.replace(".", " ", 1).split() for l in f if l.strip()]


def case_predict(ctx, t):
    """Lesson 3 asks its question before the run: no output, no events, no
    run length; a key that would play is refused; the answer plays the run
    and reveals the verdict and why; the answer is in the progress file and
    `interleave lesson` lists it with a mark."""
    s = t.wait_for("Question")
    assert 'What will "threads / sequential" print?' in s and "b) about 1.0" in s, s
    assert "hidden until you answer" in s, s
    assert re.search(r"\s0 / \? ", t.status()), f"the run's length is shown before the answer: {t.status()!r}"
    assert "threads / sequential =" not in s
    t.keys("Space")
    s = t.wait_for("first your prediction")
    assert re.search(r"\s0 / \? ", t.status()), t.status()
    t.keys("a")  # wrong: the answer is b
    s = t.wait_for("the answer is b) about 1.0")
    assert "You said a" in s and "takes turns" in s or "take turns" in s, s
    t.keys("End")
    t.wait_for("threads / sequential = 1.00")
    assert progress_lines(t) == [["3", "1", "wrong", "a"]], progress_lines(t)
    # the next scenario asks its own (numeric) question; a number and Enter
    t.keys("n")
    s = t.wait_for("How many times slower")
    assert "hidden until you answer" in s, s
    t.keys("2", "4", "Enter")  # 26 +- 3
    t.wait_for("You said 24: right.")
    assert progress_lines(t)[-1] == ["3", "2", "right", "24"], progress_lines(t)
    t.quit_and_check()
    code, out, err = ctx.run([ctx.bin, "lesson"], env=dict(ctx.env, XDG_STATE_HOME=t.state))
    line = next(l for l in out.split("\n") if "3. The GIL" in l)
    assert line.startswith("[x]") and "2/2 answered, 1 right" in line, line
    assert re.search(r"^\[ \]\s+4\. ", out, re.M), out
    # --reset forgets it
    code, out, err = ctx.run([ctx.bin, "lesson", "--reset"], env=dict(ctx.env, XDG_STATE_HOME=t.state))
    assert code == 0 and "forgotten" in out, out + err
    code, out, err = ctx.run([ctx.bin, "lesson"], env=dict(ctx.env, XDG_STATE_HOME=t.state))
    assert re.search(r"^\[ \]\s+3\. ", out, re.M), out


def case_predict_skip(ctx, t):
    """Esc skips the question (remembered as skipped); --no-predict plays at
    once with the question shown beside the timeline."""
    t.wait_for("Question")
    t.keys("Escape")
    t.wait_for("Skipped; the answer is")
    assert progress_lines(t) == [["1", "1", "skipped", "-"]], progress_lines(t)
    t.quit_and_check()
    u = lesson_term(ctx, "nopredict", "1", "--no-predict")
    try:
        s = u.wait_for("Question")
        assert "hidden until you answer" not in s, s
        assert "--answers` has the answer" in s, s
        u.keys("End")
        u.wait_re(r" (\S+ \S+) / \1 ")
        u.quit_and_check()
    finally:
        u.close()


def case_settings_reset(ctx, t):
    """g in lesson 3's first scenario is an override (marked *), and the
    convoy scenario after n opens with its own header's GIL."""
    t.wait_for("Thread-2 (countdown)")
    t.keys("g")
    t.wait_for("no GIL*")
    t.keys("n")
    s = t.wait_for("L3 2/2")
    t.wait_re(r"GIL 5\.00 ms, seed")
    assert "no GIL" not in t.status() and "*" not in t.status(), t.status()
    t.keys("End")
    t.wait_for("slowdown:")
    m = re.search(r"slowdown: (\d+)x", t.screen())
    assert m and int(m.group(1)) > 10, f"no convoy after n: {t.screen()}"
    t.quit_and_check()


def case_next_lesson(ctx, t):
    """n after a lesson's last scenario opens the next lesson; p goes back."""
    t.wait_for("L3 1/2")
    t.keys("n")
    t.wait_for("L3 2/2")
    t.keys("n")
    t.wait_for("Lesson 4. Processes")
    assert "no more scenarios" not in t.screen()
    t.keys("p")
    # back to the previous lesson's last scenario
    s = t.wait_for("Lesson 3. The GIL")
    assert "05_convoy_effect.py" in s, s
    t.quit_and_check()


def case_lesson_overlay(ctx, t):
    """L: the lesson's paragraphs fill the box's lines (no one-word lines
    left by the Markdown's own line breaks), and Down scrolls."""
    t.wait_for("L1 1/")
    t.keys("L")
    s = t.wait_for("Lesson 1.")
    lines = s.split("\n")
    top = next(i for i, l in enumerate(lines) if "┌" in l)
    x0, x1 = lines[top].index("┌"), lines[top].index("┐")
    inner = [l[x0 + 1:x1].strip() for l in lines[top + 1:] if len(l) > x1 and l[x1] == "│"]
    words = [x for x in inner if x and " " not in x and not x.startswith("`")]
    assert not words, f"one-word lines in the lesson box: {words}\n{s}"
    # a paragraph's lines (but its last) are nearly as wide as the box
    assert sum(1 for x in inner if len(x) > x1 - x0 - 18) >= 3, s
    first = inner[0]
    t.keys("Down", "Down", "Down")
    time.sleep(0.4)
    s2 = t.screen()
    assert first not in s2 and "lines, Up/Down" in s2, s2
    t.quit_and_check()


def overlay_lines(t):
    """The whole text of the open overlay, its inner lines in order, paged
    through with PgDn (its "N-M of T lines" says where it is)."""
    got = {}
    for _ in range(40):
        # the box and its "N-M of T lines" can reach tmux in separate
        # writes: read it once two captures agree
        s = t.screen()
        for _ in range(20):
            time.sleep(0.1)
            s2 = t.screen()
            if s2 == s:
                break
            s = s2
        lines = s.split("\n")
        top = next(i for i, l in enumerate(lines) if "┌" in l)
        x0, x1 = lines[top].index("┌"), lines[top].index("┐")
        body = [l[x0 + 1:x1] for l in lines[top + 1:] if len(l) > x1 and l[x1] == "│"]
        m = re.search(r"(\d+)-\d+ of (\d+) lines", s)
        first, total = (int(m.group(1)), int(m.group(2))) if m else (1, len(body))
        for k, l in enumerate(body):
            got[first + k] = l
        if first + len(body) > total:
            return [got[k] for k in sorted(got)]
        t.keys("NPage")
        end = time.time() + 10
        while time.time() < end and m.group(0) in t.screen():
            time.sleep(0.1)
    raise AssertionError("the overlay never reached its end")


def lesson_questions_80(t, lesson):
    """L at 80 columns: the lesson box's text, with no predict syntax in
    it, and its questions ("Predict (SCENARIO): ...") as lists of lines,
    each without one-word lines."""
    t.wait_for(f"L{lesson} 1/")
    t.keys("L")
    t.wait_for(f"Lesson {lesson}.")
    text = [l.strip() for l in overlay_lines(t)]
    raw = [l for l in text if re.match(r"(```|ask:|scenario:|choice:|unit:|answer:)", l)]
    assert not raw, "predict syntax in the lesson box:\n" + "\n".join(raw)
    qs = []
    for i, l in enumerate(text):
        if l.startswith("Predict ("):
            block = []
            for x in text[i:]:
                if not x:
                    break
                block.append(x)
            words = [x for x in block if " " not in x]
            assert not words, f"one-word lines in a question: {words}\n" + "\n".join(block)
            qs.append(block)
    return qs


def case_lesson_overlay_80(ctx, t):
    """L at 80 columns: each predict block reads as its question, reflowed
    to the box ("Predict (SCENARIO): the question"), then what kind of
    answer, not as the block's syntax (an "ask:" line wrapped to a
    one-word "it" and an indented rest)."""
    qs = lesson_questions_80(t, 1)
    assert len(qs) == 2, f"not two questions in lesson 1: {qs}"
    for block in qs:
        assert len(block[0]) > 60 and block[-1] == "(a number, in ms)", "\n".join(block)
    t.quit_and_check()


def case_lesson_overlay_80_choices(ctx, t):
    """The same for a question with choices: its letters on lines of their
    own."""
    qs = lesson_questions_80(t, 3)
    block = next(q for q in qs if q[0].startswith("Predict (04_gil_cpu_bound.py)"))
    # the question's lines, then one line per choice
    choices = [l for l in block if re.match(r"[a-d]\) ", l)]
    assert len(choices) >= 2 and block[-len(choices):] == choices, "\n".join(block)
    t.quit_and_check()


def case_status_80(ctx, t):
    """At 80 columns the status line shows the lesson's number and title."""
    t.wait_for("L3 1/2")
    st = t.status()
    assert "L3 1/2 The GIL and CPU-bound work" in st, st
    t.quit_and_check()


def case_present_lesson(ctx, t):
    """Presenter mode: the output pane (the punch line), rows a line apart,
    the question in a pane of its own."""
    t.wait_for("Question")
    t.keys("b")
    t.keys("End")
    s = t.wait_for("threads / sequential = 1.00")
    assert "Output" in s and "Source" not in s, s
    lines = s.split("\n")
    i = next(k for k, l in enumerate(lines) if l.startswith("cpu0"))
    assert lines[i + 1].strip() == "" and lines[i + 2].startswith("cpu1"), "rows not spaced:\n" + s
    t.quit_and_check()


def case_limit(ctx, t):
    """A run stopped by max_ops says so at the end, in the status and as
    the last event, and End goes to the run's end time."""
    t.wait_for("0 MainThread")
    t.keys("End")
    s = t.wait_for("STOPPED by a limit")
    ev = [l for l in s.split("\n") if "STOPPED by a limit: stopped after" in l]
    assert ev, f"no limit event:\n{s}"
    assert "STOPPED by a limit" in t.status(), t.status()
    assert re.search(r" (\S+ \S+) / \1 ", t.status()), t.status()
    t.quit_and_check()


def case_next_matters(ctx, t):
    """'.' goes on to the next event that matters: each press moves the
    clock forward, and the newest event is a handoff, a start, a block..."""
    t.wait_for("Thread-1 (cpu_work)")
    times = []
    for _ in range(8):
        t.keys(".")
        time.sleep(0.3)
        times.append(now_ns(t))
    assert times == sorted(times) and times[-1] > times[0] > 0, times
    s = t.screen()
    ev = [l for l in s.rstrip("\n").split("\n")[:-1] if re.match(r"^\s+[\d.]+ (ns|us|ms) [A-Z]", l)]
    assert ev and re.search(r"takes the GIL from|starts|finishes|prints|blocks|waits for|exits|puts|gets", ev[-1]), "\n".join(ev[-5:])
    t.quit_and_check()


def case_short_events(ctx, t):
    """Convoy at whole-run zoom: the I/O thread's (0) short GIL holds show on
    the GIL row, and the two threads' labels there have different colours."""
    t.wait_for("Thread-1 (cpu_work)")
    t.keys("End")
    t.wait_re(r" (\S+ \S+) / \1 ")
    s = t.screen()
    row = next(l for l in s.split("\n") if l.startswith("GIL"))
    cells = row[3:].strip()
    assert cells.count("0") >= 10 and cells.count("1") >= 10, f"the I/O thread's holds are not on the GIL row: {row!r}"
    raw = t.raw(escapes=True).decode("utf-8", "replace")
    gil = next(l for l in raw.split("\n") if l.startswith("GIL"))
    # the SGR in force before each label
    seen = {}
    sgr = ""
    for m in re.finditer(r"\x1b\[([0-9;]*)m|([01])", gil):
        if m.group(1) is not None:
            sgr = m.group(1)
        else:
            seen.setdefault(m.group(2), set()).add(re.sub(r"(^|;)4(;|$)", r"\1\2", sgr))
    assert seen.get("0") and seen.get("1") and not (seen["0"] & seen["1"]), f"same colour for both threads: {seen}"
    t.quit_and_check()


def case_question_scrolls(ctx, t):
    """Presenter mode on a small screen: the question pane says there is
    more, and Tab to it then Down scrolls to its last lines."""
    s = t.wait_for("Question")
    assert "Up/Down: more" in s and "Your answer: press a-c" not in s, s
    # Tab until the question pane has the focus (each Tab waited for: the
    # focus mark moves)
    for _ in range(6):
        before = re.search(r"▸ (\w+)", t.screen())
        t.keys("Tab")
        end = time.time() + 10
        while time.time() < end:
            now = re.search(r"▸ (\w+)", t.screen())
            if now and (not before or now.group(1) != before.group(1)):
                break
            time.sleep(0.1)
        if "▸ Question" in t.screen():
            break
    t.keys("Down", "Down", "Down")
    t.wait_for("Your answer: press a-c")
    t.keys("c")
    t.wait_for("the answer is b) about 1.0")
    t.quit_and_check()


BIG_ASYNC = """import asyncio
async def worker():
    for _ in range(10):
        await asyncio.sleep(0)
async def main():
    await asyncio.gather(*[worker() for _ in range(20_000)])
    print("done")
asyncio.run(main())
"""


def vm_hwm_kb(root):
    """The largest VmHWM (peak resident KB) among root and its descendants."""
    kids = {}
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                with open(f"/proc/{d}/stat") as f:
                    ppid = int(f.read().rsplit(")", 1)[1].split()[1])
                kids.setdefault(ppid, []).append(int(d))
            except (OSError, ValueError, IndexError):
                pass
    best, todo = 0, [root]
    while todo:
        pid = todo.pop()
        todo.extend(kids.get(pid, []))
        try:
            with open(f"/proc/{pid}/status") as f:
                for line in f:
                    if line.startswith("VmHWM:"):
                        best = max(best, int(line.split()[1]))
        except OSError:
            pass
    return best


def cpu_ticks(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])


def wait_idle(pid, timeout=120):
    """Until pid has used no CPU for half a second (the UI brings its
    session to the playhead once the keys stop: a whole run may take a
    while under the sanitizers)."""
    end = time.time() + timeout
    last = cpu_ticks(pid)
    while time.time() < end:
        time.sleep(0.5)
        now = cpu_ticks(pid)
        if now == last:
            return
        last = now
    raise AssertionError("the UI never went idle")


def case_big_run_memory(ctx, t):
    """play on 20,000 asyncio tasks stepping ten times: the first frame
    shows, and the UI's peak memory stays under twice that of `run` on the
    same program - once the run is simulated, at its end (End: the session
    borrows the finished reference run instead of simulating it again),
    zoomed and scrolled there, one record back from the end (the session's
    own run: the reference lets go of all but its trace) and at the end
    again.  (The timeline index keeps series only for the tasks with rows,
    packed: it took more than the run itself.)"""
    try:
        big_run_memory(ctx, t)
    finally:
        shutil.rmtree(os.path.dirname(t.prog), ignore_errors=True)


def big_run_memory(ctx, t):
    p = subprocess.Popen([ctx.bin, "run", "-q", t.prog], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, ru = os.wait4(p.pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0, status
    run_kb = ru.ru_maxrss
    t.wait_for("Timeline")
    t.wait_for("2   Task-2 (worker)")
    pane = int(subprocess.run(["tmux", "-L", t.sock, "display", "-p", "-t", "t", "#{pane_pid}"],
                              capture_output=True, text=True).stdout)
    t.wait_for("simulating...", gone=True, timeout=120)
    peaks = [("simulated", vm_hwm_kb(pane))]
    t.keys("End")
    t.wait_for("the end of the run")
    t.wait_re(r" (\S+ \S+) / \1 ")
    time.sleep(0.5)  # the session follows the playhead once the keys stop
    peaks.append(("End", vm_hwm_kb(pane)))
    for k in ("+", "+", "+", "Down", "NPage", "-", "0"):
        t.keys(k)
        time.sleep(0.2)
    t.wait_for("(whole run)")
    time.sleep(0.3)
    peaks.append(("zoomed and scrolled", vm_hwm_kb(pane)))
    # one record back from the end: the session needs a run of its own
    # there, and the finished reference keeps only its trace for it
    t.keys("Left")
    wait_idle(pane)
    peaks.append(("Left after End", vm_hwm_kb(pane)))
    t.wait_for("done")
    t.keys("End")
    t.wait_re(r" (\S+ \S+) / \1 ")
    wait_idle(pane)
    peaks.append(("End again", vm_hwm_kb(pane)))
    for what, kb in peaks:
        assert 0 < kb < 2 * run_kb, f"VmHWM {kb} KB {what}: not under 2x `run`'s {run_kb} KB ({peaks})"
    t.quit_and_check()


def run(ctx):
    cases = [
        ("tmux/ui_starts", case_starts, lambda: play(ctx, "starts", "04_gil_cpu_bound.py")),
        ("tmux/ui_play", case_play, lambda: play(ctx, "play", "04_gil_cpu_bound.py")),
        ("tmux/ui_step_back", case_step, lambda: play(ctx, "step", "04_gil_cpu_bound.py")),
        ("tmux/ui_zoom", case_zoom, lambda: play(ctx, "zoom", "04_gil_cpu_bound.py")),
        ("tmux/ui_gil_cores", case_gil_toggle, lambda: play(ctx, "gil", "04_gil_cpu_bound.py")),
        ("tmux/ui_resize", case_resize, lambda: play(ctx, "resize", "04_gil_cpu_bound.py")),
        ("tmux/ui_abuse", case_abuse, lambda: Term(ctx, "abuse", [ctx.bin, "play", "scenarios/04_gil_cpu_bound.py"],
                                                   shell=True)),
        ("tmux/ui_command", case_command, lambda: play(ctx, "cmd", "04_gil_cpu_bound.py")),
        ("tmux/ui_help_explain", case_help, lambda: play(ctx, "help", "04_gil_cpu_bound.py")),
        ("tmux/ui_quit_restores", case_quit_restores,
         lambda: Term(ctx, "quit", [ctx.bin, "play", "scenarios/04_gil_cpu_bound.py"], shell=True)),
        ("tmux/ui_every_scenario", case_every_scenario, lambda: play(ctx, "every0", "01_sequential_baseline.py")),
        ("tmux/ui_signals", case_signals,
         lambda: Term(ctx, "signals", [ctx.bin, "play", "scenarios/04_gil_cpu_bound.py"], shell=True)),
        ("tmux/ui_no_color", case_no_color, lambda: play(ctx, "nocolor", "04_gil_cpu_bound.py", env={"NO_COLOR": "1"})),
        ("tmux/ui_ascii", case_ascii, lambda: play(ctx, "ascii", "04_gil_cpu_bound.py", "--ascii")),
        ("tmux/ui_present", case_present, lambda: Term(ctx, "present", [ctx.bin, "lesson", "3", "--present", "--no-predict"])),
        ("tmux/ui_present_pace", case_present_pace,
         lambda: play(ctx, "pace04", "04_gil_cpu_bound.py", "--present", w=120, h=40)),
        ("tmux/ui_present_pace_long", case_present_pace,
         lambda: play(ctx, "pace03", "03_threads_for_io.py", "--present", w=120, h=40)),
        ("tmux/ui_present_pace_short", case_present_pace,
         lambda: play(ctx, "pace12", "12_deadlock.py", "--present", w=120, h=40)),
        ("tmux/ui_from_repl", case_repl_ui, lambda: Term(ctx, "repl", [ctx.bin, "scenarios/04_gil_cpu_bound.py"])),
        ("tmux/ui_nul_output", case_nul_output, lambda: play_source(ctx, "nul", "nul.py", NUL_OUTPUT)),
        ("tmux/lesson_predict", case_predict, lambda: lesson_term(ctx, "predict", "3")),
        ("tmux/lesson_predict_skip", case_predict_skip, lambda: lesson_term(ctx, "skip", "1")),
        ("tmux/lesson_settings_reset", case_settings_reset, lambda: lesson_term(ctx, "settings", "3", "--no-predict", w=120)),
        ("tmux/lesson_next", case_next_lesson, lambda: lesson_term(ctx, "next", "3", "--no-predict")),
        ("tmux/lesson_overlay", case_lesson_overlay, lambda: lesson_term(ctx, "overlay", "1", "--no-predict")),
        ("tmux/lesson_overlay_80", case_lesson_overlay_80, lambda: lesson_term(ctx, "overlay80", "1", "--no-predict", w=80, h=30)),
        ("tmux/lesson_overlay_80_choices", case_lesson_overlay_80_choices,
         lambda: lesson_term(ctx, "overlay80c", "3", "--no-predict", w=80, h=30)),
        ("tmux/lesson_status_80", case_status_80, lambda: lesson_term(ctx, "st80", "3", w=80, h=24)),
        ("tmux/lesson_present", case_present_lesson, lambda: lesson_term(ctx, "presentq", "3", "--present", w=120, h=45)),
        ("tmux/ui_limit", case_limit, lambda: play(ctx, "limit", "04_gil_cpu_bound.py", "--set", "max_ops=100000")),
        ("tmux/ui_next_matters", case_next_matters,
         lambda: play(ctx, "matters", "05_convoy_effect.py", "--present", w=120, h=40)),
        ("tmux/ui_short_events", case_short_events, lambda: play(ctx, "short", "05_convoy_effect.py", w=120, h=40)),
        ("tmux/lesson_question_scrolls", case_question_scrolls,
         lambda: lesson_term(ctx, "qscroll", "3", "--present", w=80, h=24)),
        ("tmux/ui_big_run_memory", case_big_run_memory, lambda: play_source(ctx, "big", "big_async.py", BIG_ASYNC, w=120, h=40)),
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
