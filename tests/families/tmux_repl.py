"""The REPL in a real terminal (tmux): tab completion of a command and of a
task name, history recall with the up arrow, Ctrl-C during a long `run`
(the REPL stays, with its state), and Ctrl-D quitting and saving history.

Each case starts its own tmux server (-L) so cases can run side by side,
sends keys, and asserts on what `tmux capture-pane -p` shows."""
import os
import shutil
import signal
import subprocess
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


class Term:
    def __init__(self, ctx, name, argv, env=None):
        self.sock = f"il-{name}-{os.getpid()}"
        self.ctx = ctx
        e = dict(ctx.env)
        e.update(env or {})
        e["TERM"] = "xterm"
        cmd = " ".join(f"'{a}'" for a in argv)
        subprocess.run(["tmux", "-L", self.sock, "new-session", "-d", "-x", "100", "-y", "30", "-s", "t",
                        f"cd '{ROOT}' && exec {cmd}"], env=e, check=True)

    def keys(self, *keys):
        subprocess.run(["tmux", "-L", self.sock, "send-keys", "-t", "t", *keys], check=True)

    def screen(self):
        p = subprocess.run(["tmux", "-L", self.sock, "capture-pane", "-p", "-t", "t"], capture_output=True, text=True)
        return p.stdout

    def wait_for(self, text, timeout=30):
        end = time.time() + timeout
        while time.time() < end:
            s = self.screen()
            if text in s:
                return s
            time.sleep(0.1)
        raise AssertionError(f"never saw {text!r} on screen:\n{self.screen()}")

    def alive(self):
        return subprocess.run(["tmux", "-L", self.sock, "has-session", "-t", "t"], capture_output=True).returncode == 0

    def close(self):
        subprocess.run(["tmux", "-L", self.sock, "kill-server"], capture_output=True)


def case_completion(ctx, hist):
    t = Term(ctx, "comp", [ctx.bin, "scenarios/02_interleaving_one_core.py"], {"INTERLEAVE_HISTORY": hist})
    try:
        t.wait_for("(interleave)")
        t.keys("got", "Tab")
        t.wait_for("(interleave) goto")
        t.keys(" 2ms", "Enter")
        t.wait_for("at 2.00 ms")
        t.keys("explain Ma", "Tab")
        t.wait_for("(interleave) explain MainThread")
        t.keys("Enter")
        t.wait_for("MainThread is ")
        t.keys("C-u", "inf", "Tab", " gi", "Tab", "Enter")
        t.wait_for("MainProcess: ")
        # a directory completes with '/', to go on into it; a file with a space
        t.keys("load scenari", "Tab")
        t.wait_for("(interleave) load scenarios/")
        t.keys("02_in", "Tab")
        t.wait_for("(interleave) load scenarios/02_interleaving_one_core.py")
        t.keys("Enter")
        end = time.time() + 10
        while t.screen().count("loaded scenarios/02_interleaving_one_core.py:") < 2:
            assert time.time() < end, "the completed load did not load:\n" + t.screen()
            time.sleep(0.1)
    finally:
        t.close()


def case_history(ctx, hist):
    t = Term(ctx, "hist", [ctx.bin, "scenarios/03_threads_for_io.py"], {"INTERLEAVE_HISTORY": hist})
    try:
        t.wait_for("(interleave)")
        t.keys("goto 150ms", "Enter")
        t.wait_for("at 150.00 ms")
        t.keys("where", "Enter")
        t.wait_for("sleeps (time.sleep)")
        t.keys("Up", "Up")
        t.wait_for("(interleave) goto 150ms")
        t.keys("C-u", "C-d")
        deadline = time.time() + 10
        while t.alive() and time.time() < deadline:
            time.sleep(0.1)
        assert not t.alive(), "Ctrl-D did not quit"
        with open(hist) as f:
            saved = f.read().replace("\\040", " ")  # libedit's encoding of spaces
        assert "goto 150ms" in saved and "where" in saved, saved
    finally:
        t.close()
    # a new session recalls the old one's commands
    t = Term(ctx, "hist2", [ctx.bin], {"INTERLEAVE_HISTORY": hist})
    try:
        t.wait_for("(interleave)")
        t.keys("Up")
        t.wait_for("(interleave) where")
    finally:
        t.close()


def case_interrupt(ctx, hist):
    # a run that takes a while in wall time: many CPU-bound ops
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False, dir="/tmp") as f:
        f.write("def spin(n):\n    while n > 0:\n        n -= 1\nspin(2_000_000_000)\nprint('end')\n")
        prog = f.name
    t = Term(ctx, "intr", [ctx.bin, prog], {"INTERLEAVE_HISTORY": hist})
    try:
        t.wait_for("(interleave)")
        t.keys("run", "Enter")
        time.sleep(1.0)
        t.keys("C-c")
        t.wait_for("interrupted at")
        t.keys("where", "Enter")
        s = t.wait_for("MainThread")
        assert "running" in s, s
        t.keys("print n > 0", "Enter")
        t.wait_for("True")
    finally:
        t.close()
        os.unlink(prog)


def case_back_snapshot(ctx, hist):
    """Going back resumes a snapshot process: the prompt, the history and
    Ctrl-C all still work there."""
    t = Term(ctx, "snap", [ctx.bin, "scenarios/05_convoy_effect.py"], {"INTERLEAVE_HISTORY": hist})
    try:
        t.wait_for("(interleave)")
        t.keys("run", "Enter")
        t.wait_for("the run ended normally")
        t.keys("info snapshots", "Enter")
        s = t.wait_for("taken every")
        assert " 0 snapshots" not in s, s
        t.keys("goto 100ms", "Enter")
        t.wait_for("at 100.00 ms")
        t.keys("where", "Enter")
        t.wait_for("Thread-1 (cpu_work)")
        t.keys("Up", "Up")
        t.wait_for("(interleave) goto 100ms")
        t.keys("C-u", "run", "Enter")
        end = time.time() + 30
        while t.screen().count("the run ended normally") < 2 and time.time() < end:
            time.sleep(0.1)
        assert t.screen().count("the run ended normally") == 2, t.screen()
        t.keys("C-d")
        deadline = time.time() + 10
        while t.alive() and time.time() < deadline:
            time.sleep(0.1)
        assert not t.alive(), "Ctrl-D did not quit"
    finally:
        t.close()


def descendants(pid):
    """pid and every process below it, from /proc."""
    parent = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat") as f:
                parent[int(name)] = int(f.read().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            pass
    fam = {pid}
    grew = True
    while grew:
        grew = False
        for p, pp in parent.items():
            if pp in fam and p not in fam:
                fam.add(p)
                grew = True
    return fam


def case_sigterm_family(ctx, hist, sig=signal.SIGTERM):
    """SIGTERM (SIGHUP, SIGUSR1: any signal that would end it) to the process
    the shell started ends the REPL and every snapshot process (they would
    otherwise go on reading the terminal), and it dies by that signal."""
    # from an interactive shell (its own process group, as in a terminal)
    t = Term(ctx, f"sig{int(sig)}", ["bash", "--norc", "--noprofile", "-i"], {"INTERLEAVE_HISTORY": hist})
    try:
        t.wait_for("bash-")
        t.keys(f"'{ctx.bin}' scenarios/05_convoy_effect.py; echo EXIT=$?", "Enter")
        t.wait_for("(interleave)")
        t.keys("run", "Enter")
        t.wait_for("the run ended normally")
        t.keys("goto 100ms", "Enter")
        t.wait_for("at 100.00 ms")
        shell = int(subprocess.run(["tmux", "-L", t.sock, "display", "-p", "-t", "t", "#{pane_pid}"],
                                   capture_output=True, text=True).stdout.strip())
        kids = [p for p in descendants(shell) if p != shell]
        pid = min(kids)  # the one the shell started
        fam = descendants(pid)
        assert len(fam) >= 3, f"expected the REPL and snapshots under {pid}, found {sorted(fam)}"
        os.kill(pid, sig)
        end = time.time() + 15
        while time.time() < end and any(os.path.exists(f"/proc/{p}") and not zombie(p) for p in fam):
            time.sleep(0.1)
        left = [p for p in fam if os.path.exists(f"/proc/{p}") and not zombie(p)]
        for p in left:
            os.kill(p, 9)
        assert not left, f"still running after {signal.Signals(sig).name} to {pid}: {left}"
        t.wait_for(f"EXIT={128 + int(sig)}")
    finally:
        t.close()


def zombie(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] == "Z"
    except OSError:
        return False


def run(ctx):
    cases = [("tmux/repl_completion", case_completion), ("tmux/repl_history", case_history),
             ("tmux/repl_ctrl_c", case_interrupt), ("tmux/repl_back_snapshot", case_back_snapshot),
             ("tmux/repl_sigterm_family", case_sigterm_family),
             ("tmux/repl_sighup_family", lambda ctx, hist: case_sigterm_family(ctx, hist, signal.SIGHUP)),
             ("tmux/repl_sigusr1_family", lambda ctx, hist: case_sigterm_family(ctx, hist, signal.SIGUSR1))]
    cases = [c for c in cases if ctx.wanted(c[0])]
    if not cases:
        return
    if not shutil.which("tmux"):
        for name, _ in cases:
            ctx.record(name, False, "tmux is not installed (make test installs it, or: sudo apt-get install tmux)")
        return

    def one(c):
        name, fn = c
        with tempfile.TemporaryDirectory() as d:
            try:
                fn(ctx, os.path.join(d, "history"))
                return name, True, ""
            except AssertionError as e:
                return name, False, str(e)

    ctx.parallel(cases, one)
