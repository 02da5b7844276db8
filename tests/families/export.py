"""Export tests: the Chrome trace and the SVG timeline of every scenario.

  export/chrome/FILE   `run --format chrome` parses as JSON and holds the
                       invariants: every thread and process named; slices
                       of a track never overlap; durations >= 0; per task,
                       slices back to back from its first change to its end
                       and, per state, as long as `--format json` says; every
                       flow has one start and one end, the start first;
                       byte-identical on a second run
  export/svg/FILE      `run --format svg` is well-formed XML with one row
                       per task, segments inside the plot, a <title> on each
                       task segment, a legend; byte-identical on a second run
  export/window/...    --from/--to: every time inside the window
  export/repl_paused   the REPL's `export` of a paused run: the trace so far
  export/errors        bad formats, windows and paths are errors, not crashes
  export/odd_text      names and prints with markup, quotes, control
                       characters and UTF-8 cut by a quotation stay valid
                       JSON and XML
  export/tmux_complete in a terminal, Tab completes `export`, its format and
                       then a file name
  export/trio_batch_order  which way each trio batch ran: every running slice
                       of a trio task says it in the Chrome trace and the SVG
                       tooltips, and the text timeline has a row of it

Times are compared as decimals (the file's microseconds with three
decimals are exact nanoseconds), never as binary floats."""
import glob
import json
import os
import shutil
import subprocess
import tempfile
import time
import xml.etree.ElementTree as ET
from decimal import Decimal

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TASK_TID0 = 1000000   # task k is tid 1000000 + k (ui/export_chrome.c)
SVG_NS = "{http://www.w3.org/2000/svg}"


def scenarios():
    return sorted(glob.glob(os.path.join(ROOT, "scenarios/*.py")))


def run_bin(ctx, args, stdin=None):
    code, out, err = ctx.run([ctx.bin, *args], stdin=stdin, timeout=300)
    rep = ctx.sanitizer_report(err)
    if rep:
        raise AssertionError(rep)
    return code, out, err


def stats(ctx, rel, *opts):
    code, out, err = run_bin(ctx, ["run", "--format", "json", *opts, rel])
    return json.loads(out)


def ns(us):
    """A Decimal number of microseconds as integer nanoseconds (exact)."""
    v = us * 1000
    assert v == v.to_integral_value(), f"time {us} us is not a whole number of ns"
    return int(v)


def check_chrome(doc, run=None, window=None):
    """The invariants of one Chrome trace; run: `--format json` of the same
    run, to compare the time per state; window: (from_ns, to_ns)."""
    assert doc.get("displayTimeUnit") == "ns", "displayTimeUnit"
    evs = doc["traceEvents"]
    assert isinstance(evs, list) and evs, "no traceEvents"
    threads, procs = {}, {}
    for e in evs:
        if e["ph"] == "M" and e["name"] == "thread_name":
            threads[(e["pid"], e["tid"])] = e["args"]["name"]
        if e["ph"] == "M" and e["name"] == "process_name":
            procs[e["pid"]] = e["args"]["name"]
    for e in evs:
        key = (e["pid"], e["tid"])
        assert key in threads, f"unnamed thread {key}: {e}"
        assert e["pid"] in procs, f"unnamed process {e['pid']}"
    assert "CPU" in procs.values(), "no CPU process"
    lo, hi = window if window else (0, None)
    tracks, flows_out, flows_in = {}, {}, {}
    for e in evs:
        if e["ph"] == "M":
            continue
        t = ns(e["ts"])
        assert t >= lo and (hi is None or t <= hi), f"event outside the window {window}: {e}"
        if e["ph"] == "X":
            d = ns(e["dur"])
            assert d >= 0, f"negative duration: {e}"
            assert hi is None or t + d <= hi, f"slice past the window's end: {e}"
            if e.get("cat") == "wake":
                assert d == 0, f"a wake point with a length: {e}"
            else:
                tracks.setdefault((e["pid"], e["tid"]), []).append((t, d, e))
            if "bind_id" in e:
                side = flows_out if e.get("flow_out") else flows_in if e.get("flow_in") else None
                assert side is not None, f"a flow without a direction: {e}"
                assert e["bind_id"] not in side, f"flow {e['bind_id']} bound twice"
                side[e["bind_id"]] = t
        elif e["ph"] == "C":
            assert e["args"] and all(isinstance(v, (int, Decimal)) for v in e["args"].values()), f"bad counter {e}"
            v = list(e["args"].values())[0]
            if e["name"] == "GIL":
                # a task number of the same process, or -1 (free)
                assert v == -1 or (e["pid"], TASK_TID0 + v) in threads, f"GIL held by an unknown task: {e}"
            else:
                assert v >= 0, f"a negative queue length: {e}"
        elif e["ph"] == "i":
            assert e.get("s") in ("t", "p", "g"), f"instant without scope {e}"
        else:
            raise AssertionError(f"unexpected phase {e['ph']}")
    for key, sl in tracks.items():
        sl.sort(key=lambda x: x[0])
        for a, b in zip(sl, sl[1:]):
            assert a[0] + a[1] <= b[0], f"overlapping slices on {threads[key]}: {a[2]} and {b[2]}"
    assert set(flows_out) == set(flows_in), \
        f"flows with one end: out only {sorted(set(flows_out) - set(flows_in))[:5]}, in only {sorted(set(flows_in) - set(flows_out))[:5]}"
    for fid, t in flows_out.items():
        assert t <= flows_in[fid], f"flow {fid} ends before it starts"
    if run is None:
        return evs
    # per task: back to back, and per state what the statistics say
    for k, task in enumerate(run["tasks"]):
        pid_tids = [key for key in tracks if key[1] == TASK_TID0 + k]
        assert len(pid_tids) <= 1, f"task {k} in several processes"
        sl = tracks[pid_tids[0]] if pid_tids else []
        if sl:
            start, end = sl[0][0], max(t + d for t, d, _ in sl)
            total = sum(d for _, d, _ in sl)
            assert total == end - start, f"{task['name']}: slices {total} ns, span {end - start} ns (a gap)"
        per = {}
        for _, d, e in sl:
            per[e["name"]] = per.get(e["name"], 0) + d
        for key, want in task.items():
            if key.endswith("_ns"):
                got = per.get(key[:-3], 0)
                assert got == want, f"{task['name']}: {key[:-3]} slices {got} ns, statistics {want} ns"
    return evs


def chrome_case(ctx, f):
    name = "export/chrome/" + os.path.basename(f)
    rel = os.path.relpath(f, ROOT)
    try:
        code, out, err = run_bin(ctx, ["run", "--format", "chrome", rel])
        assert code in (0, 3), f"exit {code}: {err[-500:]}"
        doc = json.loads(out, parse_float=Decimal)
        check_chrome(doc, stats(ctx, rel))
        _, out2, _ = run_bin(ctx, ["run", "--format", "chrome", rel])
        assert out2 == out, "a second run gave another file"
        return name, True, ""
    except (AssertionError, ValueError, KeyError) as e:
        return name, False, f"{type(e).__name__}: {e}"


def svg_rows(root):
    rows = []
    for g in root.iter(SVG_NS + "g"):
        if "row" in (g.get("class") or "").split():
            rows.append(g)
    return rows


def check_svg(text, run):
    root = ET.fromstring(text)
    assert root.tag == SVG_NS + "svg", f"root is {root.tag}"
    w, h = float(root.get("width")), float(root.get("height"))
    assert root.find(SVG_NS + "title") is not None, "no <title>"
    rows = svg_rows(root)
    tasks = [int(g.get("data-task")) for g in rows if g.get("data-task") is not None]
    assert sorted(tasks) == list(range(len(run["tasks"]))), \
        f"task rows {sorted(tasks)}, expected one per task (0..{len(run['tasks']) - 1})"
    assert len(set(tasks)) == len(tasks), "a task has two rows"
    for g in rows:
        for r in g.iter(SVG_NS + "rect"):
            x, rw = float(r.get("x")), float(r.get("width"))
            assert rw >= 0 and x >= 0 and x + rw <= w + 0.01, f"rect outside the image: {r.attrib}"
        if g.get("data-task") is not None:
            for r in g.iter(SVG_NS + "rect"):
                if "seg" in (r.get("class") or "").split():
                    assert r.find(SVG_NS + "title") is not None, "a segment without a tooltip"
    assert any("legend" in (g.get("class") or "") for g in root.iter(SVG_NS + "g")), "no legend"
    assert h > 0


def svg_case(ctx, f):
    name = "export/svg/" + os.path.basename(f)
    rel = os.path.relpath(f, ROOT)
    try:
        code, out, err = run_bin(ctx, ["run", "--format", "svg", rel])
        assert code in (0, 3), f"exit {code}: {err[-500:]}"
        check_svg(out, stats(ctx, rel))
        _, out2, _ = run_bin(ctx, ["run", "--format", "svg", rel])
        assert out2 == out, "a second run gave another file"
        return name, True, ""
    except (AssertionError, ValueError, ET.ParseError) as e:
        return name, False, f"{type(e).__name__}: {e}"


def t_window(ctx):
    rel = "scenarios/04_gil_cpu_bound.py"
    code, out, err = run_bin(ctx, ["run", "--format", "chrome", "--from", "60ms", "--to", "80.5ms", rel])
    assert code == 0, err
    evs = check_chrome(json.loads(out, parse_float=Decimal), window=(60_000_000, 80_500_000))
    assert any(e["ph"] == "X" and ns(e["ts"]) == 60_000_000 for e in evs), "no slice clipped to the window's start"
    code, out, err = run_bin(ctx, ["run", "--format", "svg", "--from", "60ms", "--to", "80.5ms", rel])
    assert code == 0, err
    check_svg(out, stats(ctx, rel))
    assert "60" in out and "80" in out


def t_repl_paused(ctx):
    with tempfile.TemporaryDirectory() as d:
        cj, sv = os.path.join(d, "t.json"), os.path.join(d, "t.svg")
        script = f"load scenarios/05_convoy_effect.py\ngoto 30ms\nexport chrome {cj}\nexport svg {sv}\n"
        code, out, err = run_bin(ctx, [], stdin=script.encode())
        assert code == 0, err
        assert f"wrote {cj}" in out and f"wrote {sv}" in out, out
        with open(cj) as fh:
            doc = json.load(fh, parse_float=Decimal)
        evs = check_chrome(doc, window=(0, 30_000_000))
        assert max(ns(e["ts"]) + ns(e.get("dur", Decimal(0))) for e in evs if e["ph"] != "M") <= 30_000_000
        with open(sv) as fh:
            root = ET.fromstring(fh.read())
        assert svg_rows(root), "no rows"


def t_errors(ctx):
    rel = "scenarios/02_interleaving_one_core.py"
    for args, want in ((["--format", "pdf"], "unknown format"), (["-o", "x.json"], "needs --format"),
                       (["--format", "svg", "--from", "2ms", "--to", "1ms"], "later than"),
                       (["--format", "svg", "--from", "12"], "bad time")):
        code, out, err = run_bin(ctx, ["run", *args, rel])
        assert code == 2 and want in err, f"{args}: exit {code}, {err!r}"
    code, out, err = run_bin(ctx, ["run", "--format", "chrome", "--from", "10s", rel])
    assert code == 1 and "nothing to export" in err, f"empty window: exit {code}, {err!r}"
    code, out, err = run_bin(ctx, ["run", "--format", "svg", "-o", "/nonexistent/dir/x.svg", rel])
    assert code == 1 and "cannot write" in err, f"unwritable: exit {code}, {err!r}"
    with tempfile.TemporaryDirectory() as d:
        p = os.path.join(d, "x.svg")
        code, out, err = run_bin(ctx, ["run", "--format", "svg", "-o", p, rel])
        assert code == 0, err
        q, _, _ = run_bin(ctx, ["run", "-q", rel])
        _, qout, _ = run_bin(ctx, ["run", "-q", rel])
        assert out == qout, "with -o, stdout is not the program's output"
        with open(p) as fh:
            ET.fromstring(fh.read())


BATCH_WORDS = ("(trio's batch, reversed)", "(trio's batch, in ready order)")


def t_trio_batch_order(ctx):
    rel = "tests/trio_order/001_start_soon_sleep0.py"
    code, out, err = run_bin(ctx, ["run", "--seed", "1", "--format", "chrome", rel])
    assert code == 0, err
    doc = json.loads(out, parse_float=Decimal)
    evs = doc["traceEvents"] if isinstance(doc, dict) else doc
    names = {e["tid"]: e["args"]["name"] for e in evs if e["ph"] == "M" and e["name"] == "thread_name"}
    running = [e for e in evs if e["ph"] == "X" and e.get("cat") == "state" and e["name"] == "running"
               and names.get(e["tid"], "").startswith("__main__.")]
    assert running, "no running slices of the trio tasks"
    for e in running:
        assert any(w in e["args"]["reason"] for w in BATCH_WORDS), f"a trio step without its batch order: {e}"
    seen = {w for e in running for w in BATCH_WORDS if w in e["args"]["reason"]}
    assert len(seen) == 2, f"seed 1 runs batches both ways, the trace says only {seen}"
    code, out, err = run_bin(ctx, ["run", "--seed", "1", "--format", "svg", rel])
    assert code == 0, err
    titles = [t.text or "" for t in ET.fromstring(out).iter(SVG_NS + "title")]
    assert all(any(w in t for t in titles) for w in BATCH_WORDS), "the SVG tooltips do not say the batch order"
    code, out, err = run_bin(ctx, ["run", "--seed", "1", "--width", "100", rel])
    assert code == 0, err
    row = [ln for ln in out.splitlines() if ln.startswith("  trio batch")]
    assert len(row) == 1 and "<" in row[0] and ">" in row[0], f"no trio batch row with both orders: {row}"
    assert "reversed (a coin per batch)" in out, "no legend for the trio batch row"


def t_tmux_complete(ctx):
    if not shutil.which("tmux"):
        raise AssertionError("tmux is not installed (make test installs it, or: sudo apt-get install tmux)")
    sock = f"il-export-{os.getpid()}"
    with tempfile.TemporaryDirectory() as d:
        os.mkdir(os.path.join(d, "slides"))
        env = dict(ctx.env, TERM="xterm", INTERLEAVE_HISTORY=os.path.join(d, "history"))
        pidfile = os.path.join(d, "pid")
        cmd = f"cd '{d}' && echo $$ > '{pidfile}' && exec '{ctx.bin}' '{os.path.join(ROOT, 'scenarios/02_interleaving_one_core.py')}'"
        subprocess.run(["tmux", "-L", sock, "new-session", "-d", "-x", "100", "-y", "30", "-s", "t", cmd], env=env, check=True)

        def keys(*k):
            subprocess.run(["tmux", "-L", sock, "send-keys", "-t", "t", *k], check=True)

        def wait_for(text):
            end = time.time() + 30
            while time.time() < end:
                s = subprocess.run(["tmux", "-L", sock, "capture-pane", "-p", "-t", "t"], capture_output=True, text=True).stdout
                if text in s:
                    return s
                time.sleep(0.1)
            raise AssertionError(f"never saw {text!r} on screen:\n{s}")

        try:
            wait_for("(interleave)")
            keys("goto 2ms", "Enter")
            wait_for("at 2.00 ms")
            keys("expo", "Tab")
            wait_for("(interleave) export")
            keys("sv", "Tab")
            wait_for("(interleave) export svg")
            keys("sli", "Tab")
            wait_for("(interleave) export svg slides/")
            keys("t.svg", "Enter")
            wait_for("wrote slides/t.svg")
            with open(os.path.join(d, "slides/t.svg")) as fh:
                ET.fromstring(fh.read())
        finally:
            subprocess.run(["tmux", "-L", sock, "kill-server"], capture_output=True)
            # the REPL writes its history as it exits: let it finish before
            # the directory is removed
            try:
                with open(pidfile) as fh:
                    pid = int(fh.read())
                end = time.time() + 10
                while time.time() < end:
                    os.kill(pid, 0)
                    time.sleep(0.05)
            except (OSError, ValueError):
                pass


ODD = """
import threading
def work(n):
    print("a" + "\u00e9" * 40 + "<&>\\"'\\x01\\x7f", n)
ts = [threading.Thread(target=work, args=(i,), name=f"<T&{i}>\\x02\\"\u00e9") for i in range(3)]
for t in ts: t.start()
for t in ts: t.join()
"""


def t_odd_text(ctx):
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "odd.py")
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(ODD)
        code, out, err = run_bin(ctx, ["run", "--format", "chrome", path])
        assert code == 0, err
        doc = check_chrome(json.loads(out, parse_float=Decimal), stats(ctx, path))
        names = [e["args"]["name"] for e in doc if e["ph"] == "M" and e["name"] == "thread_name"]
        assert "<T&1>\x02\"\u00e9" in names, names
        code, out, err = run_bin(ctx, ["run", "--format", "svg", path])
        assert code == 0, err
        check_svg(out, stats(ctx, path))


def case(name, fn):
    def wrapped(ctx):
        try:
            fn(ctx)
            return name, True, ""
        except (AssertionError, ValueError, KeyError, ET.ParseError) as e:
            return name, False, f"{type(e).__name__}: {e}"
    return wrapped


CROSS_WAKE = """
import multiprocessing as mp
import time

def child(ev):
    time.sleep(0.01)
    ev.set()

if __name__ == "__main__":
    ev = mp.Event()
    p = mp.Process(target=child, args=(ev,))
    p.start()
    ev.wait()
    print("set")
    p.join()
"""


def t_cross_process_wake(ctx):
    # a child process wakes its parent: the wake point is on the waker's
    # thread in the waker's process (not the woken's process)
    code, out, err = run_bin(ctx, ["run", "--format", "chrome", "-"], stdin=CROSS_WAKE.encode())
    assert code == 0, f"exit {code}: {err[-500:]}"
    evs = check_chrome(json.loads(out, parse_float=Decimal))
    assert any(e.get("cat") == "wake" for e in evs), "no wake point in the trace"


def t_svg_who_colours(ctx):
    """The GIL and cpu rows colour each thread differently, and not in a
    state's colour (a GIL held is not "starting")."""
    rel = "scenarios/05_convoy_effect.py"
    code, out, err = run_bin(ctx, ["run", "--format", "svg", rel])
    assert code == 0, err
    root = ET.fromstring(out)
    states = {"#E69F00", "#F0E442", "#009E73", "#D55E00", "#CC79A7", "#56B4E9"}
    checked = 0
    for g in svg_rows(root):
        kind = (g.get("class") or "").split()
        if "core" not in kind and "gil" not in kind:
            continue
        fills = {r.get("fill") for r in g.iter(SVG_NS + "rect") if "seg" in (r.get("class") or "").split()}
        assert not (fills & states), f"a state's colour on {g.attrib}: {fills}"
        if fills:
            assert len(fills) >= 2, f"one colour for both threads on {g.attrib}: {fills}"
            checked += 1
    assert checked >= 2, "no cpu and GIL rows with segments"


CASES = [
    ("export/svg_who_colours", t_svg_who_colours),
    ("export/window", t_window),
    ("export/cross_process_wake", t_cross_process_wake),
    ("export/repl_paused", t_repl_paused),
    ("export/errors", t_errors),
    ("export/odd_text", t_odd_text),
    ("export/tmux_complete", t_tmux_complete),
    ("export/trio_batch_order", t_trio_batch_order),
]


def run(ctx):
    files = scenarios()
    ctx.parallel([f for f in files if ctx.wanted("export/chrome/" + os.path.basename(f))], lambda f: chrome_case(ctx, f))
    ctx.parallel([f for f in files if ctx.wanted("export/svg/" + os.path.basename(f))], lambda f: svg_case(ctx, f))
    cases = [(n, fn) for n, fn in CASES if ctx.wanted(n)]
    ctx.parallel(cases, lambda c: case(c[0], c[1])(ctx))
