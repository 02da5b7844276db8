"""`interleave explore`, schedules and `run --schedule` (issue 15).

  explore/race_call        two threads x two read-then-write increments with a
                           call between: outcomes exactly 2, 3 and 4
  explore/race_nocall      without the call, under the GIL: only 4
  explore/race_every_op    without the call, --every-op: 2, 3 and 4
  explore/race_gil_off     without the call, --gil off: 2, 3 and 4
  explore/deadlocks        the default run of three philosophers (and two
                           locks in two orders) ends well; explore finds the
                           deadlock
  explore/replay           every outcome's schedule replays with `run
                           --schedule` to the same output and exit status
  explore/reduction        on small programs (tests/explore, the challenges)
                           the partial-order reduction finds exactly the
                           outcomes of running every schedule in the bound
  explore/levels           every challenge's goal is reachable, and replaying
                           an end goal's schedule reaches it
  explore/text             the text output: the summary line, a replay command
  explore/json             the JSON output's shape
  explore/max_runs         --max-runs stops early and says so
  explore/asyncio          one thread with an event loop: one schedule
  explore/schedule_errors  a bad schedule, one for another GIL setting, and
                           one that does not fit the file (it names the choice)
  explore/too_long         a run with too many switch points is refused
  explore/goal_errors      a bad goal is a clear error
  explore/challenge_list   `interleave challenge` lists the levels and which
                           are won (progress in $XDG_STATE_HOME)
  explore/repl_schedule    the REPL's load --schedule replays a schedule
"""
import glob
import json
import os
import re
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
EX = "tests/explore"
LEVELS = sorted(glob.glob(os.path.join(ROOT, "scenarios/challenges/*.py")))


def explore(ctx, path, *opts, timeout=600):
    code, out, err = ctx.run([ctx.bin, "explore", "--format", "json", *opts, path], timeout=timeout)
    rep = ctx.sanitizer_report(err)
    assert not rep, rep
    assert code == 0, f"explore {' '.join(opts)} {path}: exit {code}\n{err[-800:]}"
    return json.loads(out)


def stdouts(d):
    return sorted(o["stdout"] for o in d["outcomes"])


def t_race_call(ctx):
    d = explore(ctx, f"{EX}/race_call.py")
    assert d["complete"], d
    assert stdouts(d) == ["2\n", "3\n", "4\n"], stdouts(d)
    assert d["pruned"] > 0, "the reduction pruned nothing"


def t_race_nocall(ctx):
    d = explore(ctx, f"{EX}/race_nocall.py")
    assert d["complete"] and stdouts(d) == ["4\n"], d


def t_race_every_op(ctx):
    d = explore(ctx, f"{EX}/race_nocall.py", "--every-op")
    assert d["complete"] and stdouts(d) == ["2\n", "3\n", "4\n"], stdouts(d)
    assert all(o["schedule"].startswith("o:") for o in d["outcomes"]), d


def t_race_gil_off(ctx):
    d = explore(ctx, f"{EX}/race_nocall.py", "--gil", "off")
    assert d["complete"] and stdouts(d) == ["2\n", "3\n", "4\n"], stdouts(d)
    assert all(o["schedule"].startswith("f:") for o in d["outcomes"]), d


def t_deadlocks(ctx):
    for path in (f"{EX}/philosophers.py", "scenarios/challenges/03_two_orders.py"):
        code, out, err = ctx.run([ctx.bin, "run", "-q", path])
        assert code == 0, f"the default run of {path} should end well: exit {code}\n{err[-500:]}"
        d = explore(ctx, path)
        dead = [o for o in d["outcomes"] if o["deadlock"]]
        assert dead, f"no deadlock found in {path}: {d}"
        assert all(o["exit_status"] == 3 and "deadlock" in o["error"] for o in dead), dead
        assert any(not o["deadlock"] for o in d["outcomes"]), d


def replay_all(ctx, path, *opts, gil=()):
    d = explore(ctx, path, *opts, *gil)
    bad = []
    for o in d["outcomes"]:
        code, out, err = ctx.run([ctx.bin, "run", "-q", "--schedule", o["schedule"], *gil, path])
        rep = ctx.sanitizer_report(err)
        assert not rep, rep
        if out != o["stdout"] or code != o["exit_status"]:
            bad.append(f"{path} {o['schedule']}: expected {o['stdout']!r} exit {o['exit_status']}, "
                       f"got {out!r} exit {code}: {err[-300:]}")
    return bad


def t_replay(ctx):
    bad = []
    bad += replay_all(ctx, f"{EX}/race_call.py")
    bad += replay_all(ctx, f"{EX}/race_nocall.py", "--every-op")
    bad += replay_all(ctx, f"{EX}/race_nocall.py", gil=("--gil", "off"))
    bad += replay_all(ctx, f"{EX}/philosophers.py")
    for level in LEVELS[:5]:
        bad += replay_all(ctx, os.path.relpath(level, ROOT), "-p", "1")
    assert not bad, "\n".join(bad)


def outcome_set(d):
    return sorted((o["stdout"], o["exit_status"], o["error"] or "") for o in d["outcomes"])


# (file, options): every file at -p 1, with and without --every-op; the
# cheaper ones at -p 2 as well
CHEAP_P2 = ("race_call", "attr_counter", "closure_cell", "print_order", "random_shared", "dict_items",
            "iterate_dict", "01_lost_update", "02_last_seat", "03_two_orders", "07_lazy_init")


def t_reduction(ctx):
    import concurrent.futures
    files = sorted(glob.glob(os.path.join(ROOT, EX, "*.py"))) + LEVELS
    jobs = []
    for f in files:
        rel = os.path.relpath(f, ROOT)
        jobs += [(rel, ("-p", "1")), (rel, ("-p", "1", "--every-op"))]
        if any(c in f for c in CHEAP_P2):
            jobs.append((rel, ("-p", "2")))

    def check(job):
        rel, opts = job
        a = explore(ctx, rel, *opts)
        b = explore(ctx, rel, *opts, "--no-reduction", "--max-runs", "2000")
        if not b["complete"]:
            return []
        bad = []
        if outcome_set(a) != outcome_set(b):
            bad.append(f"{rel} {' '.join(opts)}: reduced {outcome_set(a)} != full {outcome_set(b)}")
        ga, gb = a.get("goal", {}).get("runs", 0) > 0, b.get("goal", {}).get("runs", 0) > 0
        if ga != gb:
            bad.append(f"{rel} {' '.join(opts)}: goal reached {ga} (reduced) vs {gb} (full)")
        if a["runs"] > b["runs"]:
            bad.append(f"{rel} {' '.join(opts)}: the reduction ran more schedules ({a['runs']} > {b['runs']})")
        return bad

    with concurrent.futures.ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 2)) as ex:
        bad = [b for r in ex.map(check, jobs) for b in r]
    assert not bad, "\n".join(bad)


def t_levels(ctx):
    assert len(LEVELS) >= 8, f"only {len(LEVELS)} challenges"
    bad = []
    for level in LEVELS:
        rel = os.path.relpath(level, ROOT)
        with open(level, encoding="utf-8") as f:
            text = f.read()
        for key in ("goal:", "hint:", "explain:", "title:"):
            if f"\n{key}" not in text:
                bad.append(f"{rel} has no {key}")
        d = explore(ctx, rel)
        g = d.get("goal")
        if not g or not g["runs"] or not g["schedule"]:
            bad.append(f"{rel}: goal not reached: {g}")
            continue
        # the default run does not reach it: a level needs the player
        won_by_default = [o for o in d["outcomes"] if o["goal"] and o["schedule"].split(":")[1].startswith("/")]
        if won_by_default:
            bad.append(f"{rel}: the default schedule already reaches the goal")
        goal = g["text"]
        code, out, err = ctx.run([ctx.bin, "run", "-q", "--schedule", g["schedule"], rel])
        if goal == "deadlock" and code != 3:
            bad.append(f"{rel}: replaying {g['schedule']} did not deadlock (exit {code})")
        m = re.match(r'exception (\w+)$', goal)
        if m and m.group(1) not in err:
            bad.append(f"{rel}: replaying {g['schedule']} raised no {m.group(1)}: {err[-300:]}")
    assert not bad, "\n".join(bad)


def t_text(ctx):
    code, out, err = ctx.run([ctx.bin, "explore", f"{EX}/race_call.py"])
    assert code == 0, err
    first = out.splitlines()[0]
    assert re.match(r"3 outcomes in \d+ schedules \(complete within 2 preemptions\): 4 \(\d+ schedules\), "
                    r"[23] \(\d+\), [23] \(\d+\)$", first), first
    cmds = re.findall(r"replay: (interleave run --schedule \S+ \S+)", out)
    assert len(cmds) == 3, out
    assert re.search(r"\d+ schedules run \(\d+ switch points\), \d+ alternatives pruned", out), out
    code, out, err = ctx.run([ctx.bin, "explore", "--set", "switch_interval=2ms", f"{EX}/race_call.py"])
    assert "--set switch_interval=2ms" in out, "the replay command lacks the settings"


def t_json(ctx):
    d = explore(ctx, "scenarios/challenges/02_last_seat.py")
    for k, ty in (("complete", bool), ("runs", int), ("pruned", int), ("outcomes", list)):
        assert isinstance(d.get(k), ty), f"{k}: {d.get(k)!r}"
    for o in d["outcomes"]:
        for k, ty in (("stdout", str), ("exit_status", int), ("deadlock", bool), ("count", int), ("schedule", str)):
            assert isinstance(o.get(k), ty), f"{k}: {o!r}"
        assert o["error"] is None or isinstance(o["error"], str), o
    assert sum(o["count"] for o in d["outcomes"]) == d["runs"], d
    errs = [o["error"] for o in d["outcomes"] if o["error"]]
    assert any("IndexError: pop from empty list" in e for e in errs), errs
    assert d["goal"]["text"] == "exception IndexError" and d["goal"]["runs"] > 0, d["goal"]


def t_max_runs(ctx):
    d = explore(ctx, f"{EX}/race_call.py", "--max-runs", "5")
    assert not d["complete"] and d["runs"] == 5 and "max-runs" in d["stopped"], d
    code, out, err = ctx.run([ctx.bin, "explore", "--max-runs", "5", f"{EX}/race_call.py"])
    assert "not complete" in out.splitlines()[0] and "(stopped at --max-runs 5)" in out, out


def t_asyncio(ctx):
    d = explore(ctx, f"{EX}/asyncio_one.py")
    assert d["complete"] and d["runs"] == 1 and stdouts(d) == ["['a0', 'b0', 'a1', 'b1']\n"], d


def t_schedule_errors(ctx):
    path = f"{EX}/race_call.py"
    code, out, err = ctx.run([ctx.bin, "run", "--schedule", "x:1", path])
    assert code == 2 and "a schedule starts with g:, o: or f:" in err, (code, err)
    code, out, err = ctx.run([ctx.bin, "run", "--schedule", "g:1@3,2@1", path])
    assert code == 2 and "bad schedule" in err, (code, err)
    code, out, err = ctx.run([ctx.bin, "run", "--schedule", "f:", path])
    assert code == 2 and "--gil off" in err, (code, err)
    # a schedule of another program: it names the choice where it went wrong
    d = explore(ctx, f"{EX}/philosophers.py")
    sched = next(o["schedule"] for o in d["outcomes"] if o["deadlock"])
    code, out, err = ctx.run([ctx.bin, "run", "-q", "--schedule", sched, path])
    rep = ctx.sanitizer_report(err)
    assert not rep, rep
    assert code == 1 and re.search(r"the schedule does not fit this run: (at choice \d+|the run ended after)", err), (code, err)
    code, out, err = ctx.run([ctx.bin, "run", "-q", "--schedule", "g:/99", path])
    assert code == 1 and "the run ended after" in err and "the schedule has 99" in err, (code, err)


def t_too_long(ctx):
    code, out, err = ctx.run([ctx.bin, "explore", "scenarios/10_race_counter.py"], timeout=300)
    rep = ctx.sanitizer_report(err)
    assert not rep, rep
    assert code == 1 and "too long to explore" in err, (code, out[:300], err[-300:])


def t_goal_errors(ctx):
    code, out, err = ctx.run([ctx.bin, "explore", "--goal", "stdout ~ 3", f"{EX}/race_call.py"])
    assert code == 1 and "expected ==, != or contains after stdout" in err, (code, err)
    code, out, err = ctx.run([ctx.bin, "explore", "--goal", "flying pigs", f"{EX}/race_call.py"])
    assert code == 1 and "unknown goal condition" in err, (code, err)
    d = explore(ctx, f"{EX}/race_call.py", "--goal", 'stdout == "3\\n" or deadlock')
    assert d["goal"]["runs"] > 0, d["goal"]
    d = explore(ctx, f"{EX}/race_call.py", "--goal", "deadlock")
    assert d["goal"]["runs"] == 0 and d["goal"]["schedule"] is None, d["goal"]


def t_challenge_list(ctx):
    with tempfile.TemporaryDirectory() as state:
        env = dict(ctx.env, XDG_STATE_HOME=state)
        code, out, err = ctx.run([ctx.bin, "challenge"], env=env)
        assert code == 0, err
        assert f"0 of {len(LEVELS)} won" in out and "The lost update" in out, out
        os.makedirs(os.path.join(state, "interleave"), exist_ok=True)
        with open(os.path.join(state, "interleave", "challenges"), "w") as f:
            f.write("01_lost_update.py\tg:0@5,2@7/19\n")
        code, out, err = ctx.run([ctx.bin, "challenge"], env=env)
        assert f"1 of {len(LEVELS)} won" in out and re.search(r"1\. The lost update\s+won", out), out
        code, out, err = ctx.run([ctx.bin, "challenge", "99"], env=env)
        assert code == 2 and "no challenge 99" in err, (code, err)
        # without a terminal: the level's text, and why there is no UI
        code, out, err = ctx.run([ctx.bin, "challenge", "2"], env=env, stdin=b"")
        assert code == 0 and "The last seat" in out and "Goal: exception IndexError" in out, (code, out, err)
        assert "needs a terminal" in err, err


def t_repl_schedule(ctx):
    d = explore(ctx, f"{EX}/race_call.py")
    two = next(o["schedule"] for o in d["outcomes"] if o["stdout"] == "2\n")
    script = (f"load --schedule {two} {EX}/race_call.py\nrun\ninfo hash\nback 12\nwhere\nrun\ninfo hash\n"
              f"goto 500ns\nwhere\nrun\ninfo hash\nload --schedule g:7@0 {EX}/race_call.py\nrun\n")
    code, out, err = ctx.run([ctx.bin], stdin=script.encode())
    rep = ctx.sanitizer_report(err)
    assert not rep, rep
    assert f"following schedule {two}" in out, out
    assert out.startswith(f"> load --schedule {two}") and "> run\n2\n" in out, out
    hashes = re.findall(r"trace hash: (\w+)", out)
    assert len(hashes) == 3 and len(set(hashes)) == 1, f"going back changed the run:\n{out}"
    assert "the schedule does not fit this run: at choice 0" in out + err, out + err
    # the run of `run --schedule` is the REPL's
    code, out2, err = ctx.run([ctx.bin, "run", "--trace-hash", "--no-timeline", "--schedule", two, f"{EX}/race_call.py"])
    assert f"trace hash: {hashes[0]}" in out2, out2


CASES = [
    ("explore/race_call", t_race_call),
    ("explore/race_nocall", t_race_nocall),
    ("explore/race_every_op", t_race_every_op),
    ("explore/race_gil_off", t_race_gil_off),
    ("explore/deadlocks", t_deadlocks),
    ("explore/replay", t_replay),
    ("explore/reduction", t_reduction),
    ("explore/levels", t_levels),
    ("explore/text", t_text),
    ("explore/json", t_json),
    ("explore/max_runs", t_max_runs),
    ("explore/asyncio", t_asyncio),
    ("explore/schedule_errors", t_schedule_errors),
    ("explore/too_long", t_too_long),
    ("explore/goal_errors", t_goal_errors),
    ("explore/challenge_list", t_challenge_list),
    ("explore/repl_schedule", t_repl_schedule),
]


def run(ctx):
    cases = [(n, f) for n, f in CASES if ctx.wanted(n)]

    def one(c):
        name, fn = c
        try:
            fn(ctx)
            return name, True, ""
        except AssertionError as e:
            return name, False, str(e)

    ctx.parallel(cases, one)
