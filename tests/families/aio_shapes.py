"""asyncio shape tests: the event loop reproduces CPython's timing shapes,
asserted on virtual time (elapsed_ns from `--format json`, never wall
time), and asyncio runs are deterministic.

Each case runs a small program with `interleave run --format json` and
checks a property of the result: concurrent sleeps overlap, blocking calls
inside coroutines serialise the loop, wait_for times out on time, a worker
thread overlaps the loop, many tasks finish, equal runs hash equal, and a
task awaiting a future nobody completes is reported as a deadlock."""
import json
import os
import tempfile

S = 1_000_000_000  # ns per second


def sim(ctx, src, *opts):
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as f:
        f.write(src)
        path = f.name
    try:
        code, out, err = ctx.run([ctx.bin, "run", "--format", "json", *opts, path])
    finally:
        os.unlink(path)
    rep = ctx.sanitizer_report(err)
    if rep:
        raise AssertionError(rep)
    try:
        return json.loads(out)
    except ValueError:
        raise AssertionError(f"bad JSON (exit {code}): {out[:300]} {err[:300]}")


def python3(ctx, src):
    """python3's stdout for src, or None when python3 is missing."""
    if not ctx.python:
        return None
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as f:
        f.write(src)
        path = f.name
    try:
        code, out, err = ctx.run([ctx.python, path], timeout=120)
    finally:
        os.unlink(path)
    assert code == 0, f"python3 failed on the test program (exit {code}): {err[-500:]}"
    return out


def ok_run(ctx, src, *opts):
    r = sim(ctx, src, *opts)
    assert r["exit_status"] == 0, f"exit {r['exit_status']}: {r['stderr'][-800:]}"
    return r


def secs(r):
    return r["elapsed_ns"] / S


GATHER_SLEEPS = """
import asyncio
async def nap(i):
    await asyncio.sleep(2)
    return i
async def main():
    print(await asyncio.gather(nap(1), nap(2), nap(3)))
asyncio.run(main())
"""

BLOCKING_IN_CORO = """
import asyncio, time
async def blocker(i):
    time.sleep(1)
    return i
async def main():
    print(await asyncio.gather(blocker(1), blocker(2), blocker(3)))
asyncio.run(main())
"""

WAIT_FOR_TIMEOUT = """
import asyncio
async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    try:
        await asyncio.wait_for(asyncio.sleep(5), 1)
        print("no timeout")
    except asyncio.TimeoutError:
        print("timeout", round(loop.time() - t0, 2))
asyncio.run(main())
"""

TO_THREAD_OVERLAP = """
import asyncio, time
def work():
    time.sleep(1)
    return "thread"
async def step(i):
    await asyncio.sleep(1)
    return i
async def main():
    print(await asyncio.gather(asyncio.to_thread(work), step(1), step(2), step(3)))
asyncio.run(main())
"""

TO_THREAD_STEPS = """
import asyncio, time
def work():
    time.sleep(1)
    return "thread"
async def main():
    t = asyncio.create_task(asyncio.to_thread(work))
    for i in range(3):
        await asyncio.sleep(1 / 3)
        print("step", i)
    print(await t)
asyncio.run(main())
"""

MANY_TASKS = """
import asyncio
log = []
async def worker(i):
    for r in range(10):
        if i % 250 == 0:
            log.append((r, i))
        await asyncio.sleep(0)
    return i * i
async def main():
    tasks = [asyncio.create_task(worker(i)) for i in range(1000)]
    results = await asyncio.gather(*tasks)
    print(len(results), sum(results))
    print(log[:12])
    print(log == sorted(log))
    print(len(asyncio.all_tasks()))
asyncio.run(main())
"""

INTERLEAVED = """
import asyncio
async def worker(name, n, q):
    for i in range(n):
        await q.put((name, i))
        await asyncio.sleep(0.001 * (len(name) + i % 3))
async def main():
    q = asyncio.Queue(maxsize=3)
    producers = [asyncio.create_task(worker("p" * k, 5, q)) for k in range(1, 5)]
    got = []
    for _ in range(20):
        got.append(await q.get())
    await asyncio.gather(*producers)
    print(got)
asyncio.run(main())
"""

SEMAPHORE_BATCHES = """
import asyncio
async def job(sem, i):
    async with sem:
        await asyncio.sleep(1)
        return i
async def main():
    sem = asyncio.Semaphore(3)
    r = await asyncio.gather(*[job(sem, i) for i in range(9)])
    print(sum(r))
asyncio.run(main())
"""

TIMEOUT_CM = """
import asyncio
async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    try:
        async with asyncio.timeout(0.5):
            await asyncio.sleep(10)
    except TimeoutError:
        print("timeout", round(loop.time() - t0, 3))
    await asyncio.sleep(0.25)
    print("end", round(loop.time() - t0, 3))
asyncio.run(main())
"""

NEVER_COMPLETED = """
import asyncio
async def stuck():
    fut = asyncio.get_running_loop().create_future()
    print("waiting")
    await fut
async def main():
    await asyncio.create_task(stuck(), name="stuck-task")
asyncio.run(main())
"""


def case(name, fn):
    def wrapped(ctx):
        try:
            fn(ctx)
            return name, True, ""
        except AssertionError as e:
            return name, False, str(e)
    return wrapped


def t_gather_sleeps(ctx):
    r = ok_run(ctx, GATHER_SLEEPS)
    assert r["stdout"] == "[1, 2, 3]\n", r["stdout"]
    x = secs(r)
    assert 2.0 <= x <= 2.01, f"gather of three asyncio.sleep(2) took {x:.4f} s of virtual time (expected ~2)"


def t_blocking_serialises(ctx):
    r = ok_run(ctx, BLOCKING_IN_CORO)
    assert r["stdout"] == "[1, 2, 3]\n", r["stdout"]
    x = secs(r)
    assert 3.0 <= x <= 3.01, f"three coroutines calling time.sleep(1) under gather took {x:.4f} s (expected ~3: time.sleep blocks the loop)"


def t_wait_for_timeout(ctx):
    r = ok_run(ctx, WAIT_FOR_TIMEOUT)
    assert r["stdout"] == "timeout 1.0\n", r["stdout"]
    x = secs(r)
    assert 1.0 <= x <= 1.01, f"wait_for(sleep(5), 1) ended after {x:.4f} s (expected ~1)"


def t_to_thread_overlaps(ctx):
    r = ok_run(ctx, TO_THREAD_OVERLAP)
    assert r["stdout"] == "['thread', 1, 2, 3]\n", r["stdout"]
    x = secs(r)
    assert 1.0 <= x <= 1.05, f"to_thread(time.sleep(1)) beside three asyncio.sleep(1) took {x:.4f} s (expected ~1, not 2)"
    r = ok_run(ctx, TO_THREAD_STEPS)
    assert r["stdout"] == "step 0\nstep 1\nstep 2\nthread\n", r["stdout"]
    x = secs(r)
    assert 1.0 <= x <= 1.05, f"a thread sleeping 1 s while the loop took three 1/3 s steps: {x:.4f} s (expected ~1, not 2)"


def t_many_tasks(ctx):
    r = ok_run(ctx, MANY_TASKS)
    want = python3(ctx, MANY_TASKS)
    if want is not None:
        assert r["stdout"] == want, f"1,000 tasks: stdout differs from python3\nexpected:\n{want}\ngot:\n{r['stdout']}"
    lines = r["stdout"].split("\n")
    assert lines[0] == "1000 332833500", r["stdout"][:300]
    coros = [t for t in r.get("tasks", []) if t.get("kind") == "coroutine"]
    assert len(coros) >= 1000, f"the JSON lists {len(coros)} coroutine tasks (expected 1001)"


def t_semaphore_batches(ctx):
    r = ok_run(ctx, SEMAPHORE_BATCHES)
    assert r["stdout"] == "36\n", r["stdout"]
    x = secs(r)
    assert 3.0 <= x <= 3.01, f"nine 1 s jobs behind Semaphore(3) took {x:.4f} s (expected ~3)"


def t_timeout_cm(ctx):
    r = ok_run(ctx, TIMEOUT_CM)
    assert r["stdout"] == "timeout 0.5\nend 0.75\n", r["stdout"]
    x = secs(r)
    assert 0.75 <= x <= 0.76, f"timeout(0.5) then sleep(0.25) took {x:.4f} s (expected ~0.75)"


def t_determinism(ctx):
    a = ok_run(ctx, INTERLEAVED)
    b = ok_run(ctx, INTERLEAVED)
    assert a["trace_hash"] == b["trace_hash"], "the same asyncio run gave different trace hashes"
    assert a["stdout"] == b["stdout"] and a["elapsed_ns"] == b["elapsed_ns"], "the same asyncio run gave different results"
    again = {ok_run(ctx, INTERLEAVED, "--set", "jitter=0.3", "--seed", "2")["trace_hash"] for _ in range(2)}
    assert len(again) == 1, "the same seed with jitter gave different asyncio runs"
    c = ok_run(ctx, MANY_TASKS)
    d = ok_run(ctx, MANY_TASKS)
    assert c["trace_hash"] == d["trace_hash"], "1,000 tasks: different trace hashes on equal runs"


def t_deadlock(ctx):
    r = sim(ctx, NEVER_COMPLETED)
    assert r["exit_status"] == 3, f"exit {r['exit_status']} (expected 3, deadlock): {r['stderr'][-500:]}"
    assert r["stdout"] == "waiting\n", r["stdout"]
    err = r["stderr"]
    assert "deadlock" in err, err[-500:]
    assert "stuck-task" in err, f"the deadlock message does not name the waiting task:\n{err[-500:]}"
    assert "future" in err, err[-500:]
    d = r.get("deadlock") or ""
    assert "stuck-task" in d, d


CASES = [
    ("aio_shape/gather_sleeps_overlap", t_gather_sleeps),
    ("aio_shape/blocking_sleep_serialises_loop", t_blocking_serialises),
    ("aio_shape/wait_for_times_out_on_time", t_wait_for_timeout),
    ("aio_shape/to_thread_overlaps_loop", t_to_thread_overlaps),
    ("aio_shape/semaphore_batches", t_semaphore_batches),
    ("aio_shape/timeout_cm_on_time", t_timeout_cm),
    ("aio_shape/thousand_tasks", t_many_tasks),
    ("aio_shape/determinism", t_determinism),
    ("aio_shape/deadlock_names_task", t_deadlock),
]


def run(ctx):
    cases = [(n, f) for n, f in CASES if ctx.wanted(n)]
    ctx.parallel(cases, lambda c: case(c[0], c[1])(ctx))
