"""The challenge UI in a real terminal (tmux), played as a person would:
`interleave challenge N`, keys in with send-keys, the screen out with
capture-pane.  Each level is won by playing the schedule `interleave
explore --until-goal` finds for its goal - a task's number where the
schedule differs from the model's pick, Enter elsewhere.

  tmux/challenge_win_N    level N is won, with its explanation and the schedule
                          shown; the win is remembered
  tmux/challenge_keys     intro, hint, a task that cannot run, what a task does
                          next and holds, undo, restart,
                          the next level, and quitting restores the terminal
  tmux/play_schedule      `play --schedule` shows the losing run of level 1:
                          one task at a time on cpu0, and its output 2
"""
import glob
import importlib.util
import json
import os
import re
import shutil
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
LEVELS = sorted(glob.glob(os.path.join(ROOT, "scenarios/challenges/*.py")))

_spec = importlib.util.spec_from_file_location("tmux_ui_for_challenge", os.path.join(ROOT, "tests/families/tmux_ui.py"))
_ui = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_ui)
Term = _ui.Term


def keys_for(schedule):
    """The keys that play schedule "g:0@5,2@7/19": a number where it
    differs from the default, Enter at every other choice."""
    body = schedule.split(":", 1)[1]
    entries, _, total = body.partition("/")
    dev = {}
    for e in filter(None, entries.split(",")):
        task, choice = e.split("@")
        dev[int(choice)] = task
    n = int(total) if total else max(dev) + 1
    return [dev.get(k, "Enter") for k in range(n)]


def case_win(ctx, level):
    rel = os.path.relpath(level, ROOT)
    code, out, err = ctx.run([ctx.bin, "explore", "--until-goal", "--format", "json", rel], timeout=600)
    assert code == 0, err[-500:]
    sched = json.loads(out)["goal"]["schedule"]
    assert sched, f"explore found no winning schedule for {rel}"
    number = LEVELS.index(level) + 1
    state = tempfile.mkdtemp()
    t = Term(ctx, f"chal{number}", [ctx.bin, "challenge", str(number)], env={"XDG_STATE_HOME": state})
    try:
        t.wait_for(f"Challenge {number} of {len(LEVELS)}")
        t.wait_for("You are the scheduler")
        t.keys("Space")
        t.wait_for("You are the scheduler", gone=True)
        # a key at a time: a goal may hold before the schedule's last choice,
        # and a key after the win would close its text
        for i, k in enumerate(keys_for(sched)):
            t.keys(k)
            m = t.wait_re(rf"Choice {i + 1}: who runs next|Goal reached!", timeout=120)
            if m.group(0) == "Goal reached!":
                break
        s = t.wait_for("Your schedule, in")
        # the win shows the level's explanation and the schedule played
        with open(level, encoding="utf-8") as f:
            explain = next(l for l in f if l.startswith("explain: "))[len("explain: "):]
        assert " ".join(explain.split()[:3]) in " ".join(s.split()), f"no explanation ({explain[:40]!r}):\n{s}"
        played = " ".join(s.split())
        assert "Your schedule, in" in played and "Watch it again: interleave play --schedule" in played \
            and re.search(r"'g:[\d@,/]*'", played), f"no schedule shown:\n{s}"
        if number == 1:
            # closed, and shown again by Enter at the end of the run
            t.keys("Space")
            t.wait_for("Your schedule, in", gone=True)
            t.wait_for("Enter: the explanation again")
            t.keys("Enter")
            t.wait_for("Your schedule, in")
        t.quit_and_check()
        with open(os.path.join(state, "interleave", "challenges")) as f:
            won = f.read()
        assert os.path.basename(level) + "\t" in won, f"the win is not remembered: {won!r}"
        return s
    finally:
        t.close()
        shutil.rmtree(state, ignore_errors=True)


def case_keys(ctx):
    state = tempfile.mkdtemp()
    t = Term(ctx, "chalkeys", [ctx.bin, "challenge", "1"], env={"XDG_STATE_HOME": state}, shell=True)
    try:
        s = t.wait_for("You are the scheduler")
        assert "Goal: stdout != " in s, s
        t.keys("Space")
        t.wait_for("You are the scheduler", gone=True)
        t.wait_for("Choice 0: who runs next?")
        for row in ("Tasks", "Variables", "Output", "counter = 0", "0-9 pick"):
            assert row in t.screen(), f"no {row!r}:\n{t.screen()}"
        t.keys("h")
        s = t.wait_for("1. The GIL changes hands")
        t.keys("h")
        t.wait_for("2. Let Thread-1 read counter")
        t.keys("Space")
        t.wait_for("2. Let Thread-1", gone=True)
        t.keys("7")
        t.wait_for("there is no task 7")
        t.keys("Enter")
        s = t.wait_for("Choice 1: who runs next?")
        # what Thread-1 does next, and what it has read (the lesson quotes it)
        assert "25: calls one(), holds 0" in s, s
        t.keys("Enter", "Enter")
        t.wait_for("Choice 3: who runs next?")
        t.keys("u")
        t.wait_for("undone: back at choice 2")
        t.keys("c")
        t.wait_for("Choice 2: who runs next?", gone=True)
        t.keys("r")
        t.wait_for("from the start again")
        t.keys("n")
        t.wait_for("Challenge 2 of")
        t.wait_for("You are the scheduler")
        t.keys("Space", "p")
        t.wait_for("Challenge 1 of")
        t.wait_for("You are the scheduler")
        t.keys("Space", "q")
        t.wait_re(r"EXIT=\d")  # the typed line itself holds "EXIT=$?"
        s = t.screen()
        assert "EXIT=0" in s, s
        with open(t.err, errors="replace") as f:
            rep = ctx.sanitizer_report(f.read())
        assert not rep, rep
    finally:
        t.close()
        shutil.rmtree(state, ignore_errors=True)


def case_play_schedule(ctx):
    path = "tests/explore/race_call.py"  # two cores: a controlled run still uses one
    code, out, err = ctx.run([ctx.bin, "explore", "--format", "json", path], timeout=600)
    two = next(o["schedule"] for o in json.loads(out)["outcomes"] if o["stdout"] == "2\n")
    t = Term(ctx, "playsched", [ctx.bin, "play", "--schedule", two, path])
    try:
        t.wait_for("Timeline")
        t.keys("End")
        s = t.wait_for("MainThread finishes")
        lines = s.splitlines()
        cpu1 = next(l for l in lines if l.startswith("cpu1"))
        assert not any(ch.isdigit() for ch in cpu1[4:]), f"cpu1 ran a task:\n{s}"
        i = next(k for k, l in enumerate(lines) if "Output" in l)
        assert any(l.split("\u2502")[-1].strip() == "2" for l in lines[i + 1:i + 4]), f"no output 2:\n{s}"
        t.quit_and_check()
    finally:
        t.close()


def run(ctx):
    cases = [(f"tmux/challenge_win_{i + 1}", (lambda lv: lambda: case_win(ctx, lv))(lv)) for i, lv in enumerate(LEVELS)]
    cases.append(("tmux/challenge_keys", lambda: case_keys(ctx)))
    cases.append(("tmux/play_schedule", lambda: case_play_schedule(ctx)))
    cases = [c for c in cases if ctx.wanted(c[0])]
    if not cases:
        return
    if not shutil.which("tmux"):
        for name, _ in cases:
            ctx.record(name, False, "tmux is not installed (make test installs it, or: sudo apt-get install tmux)")
        return

    def one(c):
        name, fn = c
        try:
            fn()
            return name, True, ""
        except AssertionError as e:
            return name, False, str(e)

    ctx.parallel(cases, one)
