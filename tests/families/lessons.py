"""`interleave lesson`, `make run` and `interleave play` without a terminal.

  lessons/list            lists every "## N." lesson of LESSONS.md with its scenarios
  lessons/scenarios_exist every scenario a lesson names exists, every scenario is in a lesson;
                          the challenges a lesson names (scenarios/challenges/) exist
  lessons/text_run        `lesson 1` with no terminal: the text, then each scenario run as text
  lessons/bad_number      `lesson 99`: a clear error, exit 2
  lessons/make_run        tests/run_main.sh (what `make run` runs) with no terminal: lesson 0
  lessons/text_run_options `lesson N --cores 3 --set ...` with no terminal: the runs use them
  lessons/play_no_tty     `play FILE` in a pipe: a message, then the REPL reads the pipe
  lessons/play_broken     `play` of a broken scenario: file:line:col: error, exit 1
  lessons/data_env        $INTERLEAVE_DATA points the program at another data directory; a
                          lesson's scenarios may be one directory down (scenarios/DIR/NAME.py)
  lessons/structure       lesson 0 first, at least 17 lessons and 24 scenarios; every lesson
                          has its idea, predict blocks, Run it, What to see, Variation, Check
                          (each question with its "  Answer:") and Teacher note, in that order
  lessons/predict_parse   every predict block parses: its scenario exists, its answer is one of
                          its choices or a number with a tolerance; every scenario of a lesson
                          has a predict block; `interleave lesson` (which checks them all) exits 0
  lessons/predict_errors  a malformed predict block: `lesson N` names LESSONS.md:LINE and exits 1
  lessons/answers/N       `lesson N` without a terminal shows no answer, explanation or teacher
                          note; `lesson N --answers` shows them all (for every lesson N)
"""
import os
import re
import shutil
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def lessons_md():
    with open(os.path.join(ROOT, "LESSONS.md")) as f:
        text = f.read()
    return re.findall(r"^## (\d+)\. (.*)$", text, re.M), text


def check(ctx, argv, code=0, stdin=None, env=None, cwd=None):
    c, out, err = ctx.run(argv, stdin=stdin.encode() if stdin is not None else None, env=env, cwd=cwd)
    rep = ctx.sanitizer_report(err)
    assert not rep, rep
    assert c == code, f"exit {c}, expected {code}\nstdout: {out[-800:]}\nstderr: {err[-800:]}"
    return out, err


def t_list(ctx):
    out, _ = check(ctx, [ctx.bin, "lesson"])
    heads, _ = lessons_md()
    assert heads, "no lessons in LESSONS.md"
    for n, title in heads:
        assert f"{int(n):2d}. {title}" in out, f"lesson {n} missing from:\n{out}"
    assert "01_sequential_baseline.py" in out


def t_scenarios_exist(ctx):
    heads, text = lessons_md()
    named = set(re.findall(r"scenarios/(\d\d[a-z]?_\w+\.py)", text))
    present = {f for f in os.listdir(os.path.join(ROOT, "scenarios")) if f.endswith(".py")}
    assert named <= present, f"LESSONS.md names missing scenarios: {sorted(named - present)}"
    assert present <= named, f"scenarios in no lesson: {sorted(present - named)}"
    # a lesson may name a challenge level (scenarios/challenges/NAME.py)
    levels = set(re.findall(r"scenarios/challenges/(\w+\.py)", text))
    assert levels, "no lesson names a challenge level"
    have = set(os.listdir(os.path.join(ROOT, "scenarios", "challenges")))
    assert levels <= have, f"LESSONS.md names missing challenges: {sorted(levels - have)}"


def t_text_run(ctx):
    out, _ = check(ctx, [ctx.bin, "lesson", "1"], stdin="")
    assert out.startswith("Lesson 1. Concurrency is not parallelism"), out[:200]
    assert "=== " in out and "01_sequential_baseline.py ===" in out and "02_interleaving_one_core.py ===" in out, out
    assert "cpu0" in out and "parallelism" in out, "no text timeline and statistics"


def t_text_run_options(ctx):
    # the settings given on the command line reach the text runs
    out, _ = check(ctx, [ctx.bin, "lesson", "1", "--cores", "3", "--set", "quantum=2ms"], stdin="")
    assert "\ncpu2 " in out, "--cores 3 did not reach the lesson's runs"
    plain, _ = check(ctx, [ctx.bin, "lesson", "1"], stdin="")
    assert "\ncpu2 " not in plain, "lesson 1 runs on 3 cores without --cores"


def t_bad_number(ctx):
    _, err = check(ctx, [ctx.bin, "lesson", "99"], code=2)
    assert "no lesson 99" in err, err
    _, err = check(ctx, [ctx.bin, "lesson", "one"], code=2)
    assert "unexpected argument 'one'" in err, err


def t_make_run(ctx):
    env = dict(ctx.env)
    # run_main.sh runs ./interleave: point it at the binary under test
    d = tempfile.mkdtemp()
    try:
        for name in ("LESSONS.md", "scenarios"):
            os.symlink(os.path.join(ROOT, name), os.path.join(d, name))
        os.mkdir(os.path.join(d, "tests"))
        shutil.copy(os.path.join(ROOT, "tests", "run_main.sh"), os.path.join(d, "tests", "run_main.sh"))
        os.symlink(ctx.bin, os.path.join(d, "interleave"))
        out, _ = check(ctx, ["sh", os.path.join(d, "tests", "run_main.sh")], stdin="", env=env, cwd=d)
    finally:
        shutil.rmtree(d)
    # the first lesson: 0, the examples everyone starts from
    first = lessons_md()[0][0]
    assert first[0] == "0", f"LESSONS.md's first lesson is {first}"
    assert out.startswith(f"Lesson 0. {first[1]}"), out[:300]
    assert "=== " in out and "00a_thread_print_numbers.py ===" in out, out[:1500]


def t_play_no_tty(ctx):
    out, err = check(ctx, [ctx.bin, "play", "scenarios/02_interleaving_one_core.py"], stdin="run\ninfo gil\n")
    assert "opening the REPL instead" in err, err
    assert "> run" in out and "the run ended normally" in out, out


def t_play_broken(ctx):
    d = tempfile.mkdtemp()
    path = os.path.join(d, "broken.py")
    with open(path, "w") as f:
        f.write("x = 1\nif x\n    print(x)\n")
    try:
        out, err = check(ctx, [ctx.bin, "play", path], code=1, stdin="")
    finally:
        shutil.rmtree(d)
    assert f"{path}:2:5: error:" in err, err
    assert "\x1b" not in out + err, "the terminal was touched"


def t_data_env(ctx):
    d = tempfile.mkdtemp()
    try:
        os.makedirs(os.path.join(d, "scenarios", "levels"))
        with open(os.path.join(d, "LESSONS.md"), "w") as f:
            f.write("# Lessons\n\n## 1. Only one\n\n`scenarios/solo.py` prints, and so does "
                    "`scenarios/levels/duo.py` (one directory down, as the challenges).\n")
        with open(os.path.join(d, "scenarios", "solo.py"), "w") as f:
            f.write("print('solo here')\n")
        with open(os.path.join(d, "scenarios", "levels", "duo.py"), "w") as f:
            f.write("print('duo here')\n")
        env = dict(ctx.env)
        env["INTERLEAVE_DATA"] = d
        out, _ = check(ctx, [ctx.bin, "lesson"], env=env)
        assert " 1. Only one" in out and "solo.py" in out and "duo.py" in out and "Concurrency" not in out, out
        out, _ = check(ctx, [ctx.bin, "lesson", "1"], env=env, stdin="")
        assert "solo here" in out and "duo here" in out, out
    finally:
        shutil.rmtree(d)


SECTIONS = ["### Run it", "### What to see", "### Variation", "### Check", "### Teacher note"]
PREDICT_KEYS = {"scenario", "ask", "choice", "answer", "tolerance", "unit", "explain"}


def lesson_bodies():
    """[(number, title, body)] of LESSONS.md, in order."""
    _, text = lessons_md()
    out = []
    for m in re.finditer(r"^## (\d+)\. (.*)$", text, re.M):
        body = text[m.end():].split("\n## ", 1)[0]
        out.append((int(m.group(1)), m.group(2), body.strip("\n")))
    return out


def predict_blocks(body):
    """The predict blocks of a lesson body: [(dict of key -> value or list, raw text)]."""
    blocks = []
    for raw in re.findall(r"^```predict\n(.*?)^```$", body, re.M | re.S):
        q = {"choice": []}
        last = None
        for line in raw.split("\n"):
            if not line:
                continue
            if line.startswith("  "):
                assert last, f"an indented line continues no ask: or explain: in\n{raw}"
                q[last] += " " + line.strip()
                continue
            key, sep, value = line.partition(": ")
            assert sep and key in PREDICT_KEYS, f"bad predict line {line!r}"
            if key == "choice":
                q["choice"].append(value)
            else:
                assert key not in q, f"{key}: twice in\n{raw}"
                q[key] = value
            last = key if key in ("ask", "explain") else None
        blocks.append((q, raw))
    return blocks


def t_structure(ctx):
    lessons = lesson_bodies()
    assert lessons[0][:2] == (0, "The examples everyone starts from"), lessons[0][:2]
    assert [n for n, _, _ in lessons] == list(range(len(lessons))), "lessons are not numbered 0, 1, 2..."
    assert len(lessons) >= 17, f"{len(lessons)} lessons"
    scen = [f for f in os.listdir(os.path.join(ROOT, "scenarios")) if f.endswith(".py")]
    assert len(scen) >= 24, f"{len(scen)} scenarios"
    for n, title, body in lessons:
        where = f"lesson {n} ({title})"
        idea = body.split("```predict", 1)[0]
        assert idea.strip() and not idea.lstrip().startswith("#"), f"{where}: no idea paragraphs under the heading"
        assert re.search(r"scenarios/(\w+/)?\w+\.py", idea), f"{where}: its idea names no scenarios/NAME.py"
        assert "```predict" in body, f"{where}: no predict block"
        heads = re.findall(r"^### .*$", body, re.M)
        assert heads == SECTIONS, f"{where}: sections {heads}, expected {SECTIONS}"
        first = body.index("### Run it")
        assert body.rfind("```predict") < first, f"{where}: a predict block after ### Run it"
        check = body.split("### Check", 1)[1].split("### Teacher note", 1)[0].strip("\n").split("\n")
        items = [i for i, l in enumerate(check) if l.startswith("- ")]
        assert items, f"{where}: no check questions"
        for k, i in enumerate(items):
            end = items[k + 1] if k + 1 < len(items) else len(check)
            answers = [l for l in check[i:end] if l.startswith("  Answer: ")]
            assert len(answers) == 1, f"{where}: check question {check[i]!r} has {len(answers)} '  Answer: ' lines"
        note = body.split("### Teacher note", 1)[1].strip()
        assert note, f"{where}: empty teacher note"


def t_predict_parse(ctx):
    present = {f for f in os.listdir(os.path.join(ROOT, "scenarios")) if f.endswith(".py")}
    present |= {"challenges/" + f for f in os.listdir(os.path.join(ROOT, "scenarios", "challenges")) if f.endswith(".py")}
    for n, title, body in lesson_bodies():
        blocks = predict_blocks(body)
        asked = set()
        for q, raw in blocks:
            for key in ("scenario", "ask", "answer", "explain"):
                assert q.get(key), f"lesson {n}: a predict block without {key}:\n{raw}"
            assert q["scenario"] in present, f"lesson {n}: predict block names {q['scenario']}, not in scenarios/"
            asked.add(q["scenario"])
            if q["choice"]:
                assert len(q["choice"]) >= 2, f"lesson {n}: one choice\n{raw}"
                letters = [c[:2] for c in q["choice"]]
                assert all(re.fullmatch(r"[a-z]\)", l) for l in letters), f"lesson {n}: choices must start 'a) '\n{raw}"
                assert q["answer"] + ")" in letters, f"lesson {n}: answer {q['answer']} is not a choice\n{raw}"
                assert "tolerance" not in q and "unit" not in q, f"lesson {n}: tolerance or unit beside choices\n{raw}"
            else:
                float(q["answer"])
                assert float(q.get("tolerance", "-1")) >= 0, f"lesson {n}: a numeric answer without a tolerance\n{raw}"
        named = set(re.findall(r"scenarios/((?:challenges/)?\w+\.py)", body))
        assert named <= asked, f"lesson {n}: no predict block for {sorted(named - asked)}"
    # the program's own parser agrees: the list checks every lesson's blocks
    out, err = check(ctx, [ctx.bin, "lesson"])
    assert not err, err


def t_predict_errors(ctx):
    d = tempfile.mkdtemp()
    good = ("```predict\nscenario: solo.py\nask: What does it print?\n  Think.\nchoice: a) solo\n"
            "choice: b) duo\nanswer: a\nexplain: It prints solo.\n```\n")
    bad = [
        (good.replace("answer: a", "answer: c"), 7, "is not the letter of one of its choices"),
        (good.replace("choice: b) duo\n", ""), 7, "no choices (a number) or at least two"),
        (good.replace("explain: It prints solo.\n", ""), 7, "without 'explain:'"),
        (good.replace("answer: a", "answer: a\nhint: no"), 14, "unknown key 'hint'"),
        (good.replace("scenario: solo.py", "scenario: nosuch.py"), 7, "which does not exist"),
        (good.replace("scenario: solo.py", "scenario: a/b/solo.py"), 7, "is not the name of a file in scenarios/"),
        ("```predict\nscenario: solo.py\nask: How many?\nanswer: 3\nexplain: x\n```\n", 7, "needs 'tolerance:'"),
        ("```predict\nscenario: solo.py\nask: How many?\nanswer: three\ntolerance: 1\nexplain: x\n```\n", 7, "nor a number"),
        (good.replace("explain: It prints solo.\n```\n", "explain: It prints solo.\n"), 7, "without its closing"),
    ]
    try:
        os.mkdir(os.path.join(d, "scenarios"))
        with open(os.path.join(d, "scenarios", "solo.py"), "w") as f:
            f.write("print('solo')\n")
        env = dict(ctx.env)
        env["INTERLEAVE_DATA"] = d
        for block, line, msg in bad + [(good, 0, None)]:
            with open(os.path.join(d, "LESSONS.md"), "w") as f:
                tail = "" if msg and "closing" in msg else "\n### Check\n"
                f.write("# Lessons\n\n## 1. Only one\n\nIt runs `scenarios/solo.py`.\n\n" + block + tail)
            if msg is None:
                out, _ = check(ctx, [ctx.bin, "lesson", "1"], env=env, stdin="")
                assert "solo" in out and "It prints solo" not in out, out
                out, _ = check(ctx, [ctx.bin, "lesson", "1", "--answers"], env=env, stdin="")
                assert "It prints solo" in out, out
                continue
            out, err = check(ctx, [ctx.bin, "lesson", "1"], code=1, env=env, stdin="")
            assert f"LESSONS.md:{line}: " in err and msg in err, f"expected LESSONS.md:{line} and {msg!r}, got:\n{err}"
            assert "solo" not in out, f"the lesson ran despite the error:\n{out}"
    finally:
        shutil.rmtree(d)


def stub_data():
    """A data directory with the real LESSONS.md and a one-line stub for
    every scenario, so that `lesson N` shows the text without simulating."""
    d = tempfile.mkdtemp()
    os.makedirs(os.path.join(d, "scenarios", "challenges"))
    shutil.copy(os.path.join(ROOT, "LESSONS.md"), os.path.join(d, "LESSONS.md"))
    for sub in ("", "challenges"):
        for f in os.listdir(os.path.join(ROOT, "scenarios", sub)):
            if f.endswith(".py"):
                with open(os.path.join(d, "scenarios", sub, f), "w") as fh:
                    fh.write(f"print('stub {f}')\n")
    return d


def t_answers(ctx, n, title, body, data):
    env = dict(ctx.env)
    env["INTERLEAVE_DATA"] = data
    out, _ = check(ctx, [ctx.bin, "lesson", str(n)], env=env, stdin="")
    text = out.split("\n=== ", 1)[0]
    assert text.startswith(f"Lesson {n}. {title}\n"), text[:200]
    for bad in (r"^  Answer: ", r"^answer: ", r"^tolerance: ", r"^explain: ", r"^### Teacher note"):
        m = re.search(bad, text, re.M)
        assert not m, f"lesson {n} without --answers shows {text[m.start():m.start() + 80]!r}"
    for q, raw in predict_blocks(body):
        assert q["ask"].split()[0] in text and f"scenario: {q['scenario']}" in text, f"lesson {n}: a question is missing:\n{raw}"
        for c in q["choice"]:
            assert f"choice: {c}" in text, f"lesson {n}: choice {c!r} is missing"
        lines = set(text.split("\n"))
        hidden = raw.split("\nexplain: ", 1)[1].split("\n")
        for line in hidden[1:]:
            if not line.startswith("  "):
                break
            assert line not in lines, f"lesson {n}: the explanation shows: {line!r}"
    for sec in SECTIONS[:-1]:
        assert sec in text, f"lesson {n}: {sec} is missing without --answers"
    assert "stub " in out, f"lesson {n}: its scenarios did not run"
    out, _ = check(ctx, [ctx.bin, "lesson", str(n), "--answers"], env=env, stdin="")
    text = out.split("\n=== ", 1)[0]
    assert text == f"Lesson {n}. {title}\n\n{body}\n", f"lesson {n} --answers is not the lesson as written"


def t_repl_predict(ctx):
    """The REPL's `lesson 3`: the question first, `run` waits for the answer,
    a bad answer is refused, `answer b` plays the run and explains, the next
    question comes, and the answers are remembered."""
    state = tempfile.mkdtemp(prefix="il-state-")
    env = dict(ctx.env, XDG_STATE_HOME=state)
    out, _ = check(ctx, [ctx.bin], stdin="lesson 3\nrun\ninfo stats\nanswer z\nanswer b\nanswer skip\nanswer a\n", env=env)
    q1 = out.index('What will "threads / sequential" print?')
    assert out.count("first your prediction") == 2, out[q1:]
    assert "'z' is not one of the choices" in out, out[q1:]
    punch = out.index("threads / sequential = 1.00")
    right = out.index("Right: b) about 1.0.")
    assert q1 < punch < right, out[q1:]
    assert "How many times slower" in out[right:] and "Skipped: the answer is 26" in out, out[right:]
    assert "no question is waiting" in out, out[right:]
    with open(os.path.join(state, "interleave", "lessons.progress")) as f:
        rows = [l.replace(".", " ", 1).split() for l in f if l.strip()]
    assert rows == [["3", "1", "right", "b"], ["3", "2", "skipped", "-"]], rows
    out, _ = check(ctx, [ctx.bin, "lesson"], env=env)
    assert re.search(r"^\[x\]\s+3\. .*2/2 answered, 1 right", out, re.M), out


def t_make_run_says(ctx):
    """`make run` says it builds, and how long that takes, before the build."""
    code, out, err = ctx.run(["make", "-n", "run"])
    assert code == 0, err
    assert "building the program first" in out and "about a minute" in out, out
    assert out.index("building the program first") < out.index("run_main.sh"), out


def t_test_progress(ctx):
    """The test runner reports each family as it ends."""
    code, out, err = ctx.run(["python3", os.path.join(ROOT, "tests", "run.py"), "--bin", ctx.bin, "-k", "lessons/bad_number"],
                             timeout=300)
    assert code == 0, out + err
    assert re.search(r"^\[\d+/\d+\] lessons: 1 passed, 0 failed \(\d+ s; \d+ s so far\)$", out, re.M), out


CASES = [
    ("lessons/list", t_list),
    ("lessons/scenarios_exist", t_scenarios_exist),
    ("lessons/text_run", t_text_run),
    ("lessons/bad_number", t_bad_number),
    ("lessons/make_run", t_make_run),
    ("lessons/text_run_options", t_text_run_options),
    ("lessons/play_no_tty", t_play_no_tty),
    ("lessons/play_broken", t_play_broken),
    ("lessons/data_env", t_data_env),
    ("lessons/structure", t_structure),
    ("lessons/predict_parse", t_predict_parse),
    ("lessons/predict_errors", t_predict_errors),
    ("lessons/repl_predict", t_repl_predict),
    ("lessons/make_run_says", t_make_run_says),
    ("lessons/test_progress", t_test_progress),
]


def run(ctx):
    cases = [c for c in CASES if ctx.wanted(c[0])]
    data = stub_data()
    for n, title, body in lesson_bodies():
        cases.append((f"lessons/answers/{n}", lambda ctx, n=n, title=title, body=body: t_answers(ctx, n, title, body, data)))
    cases = [c for c in cases if ctx.wanted(c[0])]

    def one(c):
        name, fn = c
        try:
            fn(ctx)
            return name, True, ""
        except AssertionError as e:
            return name, False, str(e)

    try:
        ctx.parallel(cases, one)
    finally:
        shutil.rmtree(data)
