"""Shape tests: the scheduler reproduces CPython's timing shapes, asserted
on virtual time (never wall time), and runs are deterministic.

Each case runs a small program with `interleave run --format json` and
checks a property of the result (elapsed time ratios, lost updates, the
convoy effect, spawn without a main guard...)."""
import json
import os
import tempfile

COUNTDOWN = """
import threading, multiprocessing, time
def countdown(n):
    while n > 0:
        n -= 1
"""


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


def stdout_lines(r):
    return r["stdout"].strip().split("\n")


SEQ_VS_THREADS = COUNTDOWN + """
N = 100_000
t = time.perf_counter()
countdown(N); countdown(N)
seq = time.perf_counter() - t
ts = [threading.Thread(target=countdown, args=(N,)) for _ in range(2)]
t = time.perf_counter()
for x in ts: x.start()
for x in ts: x.join()
par = time.perf_counter() - t
print(par / seq)
"""

PROCESSES = COUNTDOWN + """
if __name__ == "__main__":
    N = 100_000
    t = time.perf_counter()
    countdown(N); countdown(N)
    seq = time.perf_counter() - t
    ps = [multiprocessing.Process(target=countdown, args=(N,)) for _ in range(2)]
    t = time.perf_counter()
    for p in ps: p.start()
    for p in ps: p.join()
    print((time.perf_counter() - t) / seq)
"""

SLEEPERS = """
import threading, time
t = time.perf_counter()
ts = [threading.Thread(target=time.sleep, args=(1,)) for _ in range(4)]
for x in ts: x.start()
for x in ts: x.join()
print(time.perf_counter() - t)
"""

COUNTER = """
import threading
counter = 0
lock = threading.Lock()
def one():
    return 1
def plain(n):
    global counter
    for _ in range(n):
        counter += 1
def with_call(n):
    global counter
    for _ in range(n):
        counter = counter + one()
def locked(n):
    global counter
    for _ in range(n):
        with lock:
            counter += 1
ts = [threading.Thread(target=KIND, args=(20000,)) for _ in range(4)]
for t in ts: t.start()
for t in ts: t.join()
print(counter)
"""

CONVOY = """
import threading, time
def io_loop():
    t = time.perf_counter()
    for _ in range(40):
        time.sleep(0.0001)
    return time.perf_counter() - t
def spin(stop):
    while not stop:
        pass
alone = io_loop()
stop = []
def cpu():
    n = 3_000_000
    while n > 0 and not stop:
        n -= 1
cpu_t = threading.Thread(target=cpu)
cpu_t.start()
busy = io_loop()
stop.append(1)
cpu_t.join()
print(busy / alone)
"""

NO_GUARD = '''"""
start_method: spawn
"""
import multiprocessing
def work():
    print("child ran")
p = multiprocessing.Process(target=work)
p.start()
p.join()
print("exitcode", p.exitcode)
'''

DEADLOCK = """
import threading, time
a = threading.Lock()
b = threading.Lock()
def one():
    with a:
        time.sleep(0.01)
        with b:
            pass
def two():
    with b:
        time.sleep(0.01)
        with a:
            pass
t1 = threading.Thread(target=one)
t2 = threading.Thread(target=two)
t1.start(); t2.start()
t1.join(); t2.join()
"""

JITTER = COUNTDOWN + """
def work(i):
    countdown(2000)
    print(i, end=" ")
ts = [threading.Thread(target=work, args=(i,)) for i in range(6)]
for t in ts: t.start()
for t in ts: t.join()
"""


def case(name, fn):
    def wrapped(ctx):
        try:
            fn(ctx)
            return name, True, ""
        except AssertionError as e:
            return name, False, str(e)
    return wrapped


def ratio(ctx, src, *opts):
    r = sim(ctx, src, *opts)
    assert r["exit_status"] == 0, r["stderr"]
    return float(stdout_lines(r)[-1])


def t_gil_threads(ctx):
    x = ratio(ctx, SEQ_VS_THREADS)
    assert 0.9 <= x <= 1.2, f"two CPU-bound threads under the GIL took {x:.2f}x the sequential time (expected ~1)"


def t_gil_off(ctx):
    x = ratio(ctx, SEQ_VS_THREADS, "--gil", "off", "--cores", "2")
    assert 0.4 <= x <= 0.65, f"gil off on 2 cores: {x:.2f}x (expected ~0.5)"


def t_processes(ctx):
    # slow ops, so the work dwarfs the ~2 ms fork cost
    x = ratio(ctx, PROCESSES, "--cores", "2", "--set", "op_cost=100ns")
    assert 0.4 <= x <= 0.7, f"two processes on 2 cores: {x:.2f}x (expected ~0.5 plus start cost)"


def t_sleepers(ctx):
    x = ratio(ctx, SLEEPERS)
    assert 1.0 <= x <= 1.01, f"four threads sleeping 1 s took {x:.3f} s"


def counter(ctx, kind, *opts):
    r = sim(ctx, COUNTER.replace("KIND", kind), *opts)
    assert r["exit_status"] == 0, r["stderr"]
    return int(stdout_lines(r)[-1])


def t_counter_gil(ctx):
    n = counter(ctx, "plain", "--set", "switch_interval=100us")
    assert n == 80000, f"counter += 1 under the GIL lost updates: {n}"


def t_counter_gil_off(ctx):
    n = counter(ctx, "plain", "--gil", "off")
    assert n < 80000, f"counter += 1 with the GIL off lost nothing: {n}"


def t_counter_every_op(ctx):
    # a short interval: 80,000 increments take only ~2 ms of virtual time
    n = counter(ctx, "plain", "--set", "preempt=every_op", "--set", "switch_interval=100us")
    assert n < 80000, f"counter += 1 with preempt=every_op lost nothing: {n}"


def t_counter_call(ctx):
    n = counter(ctx, "with_call", "--set", "switch_interval=100us")
    assert n < 80000, f"counter = counter + one() lost nothing: {n}"


def t_counter_lock(ctx):
    for opts in ([], ["--gil", "off"], ["--set", "preempt=every_op", "--set", "switch_interval=100us"]):
        n = counter(ctx, "locked", *opts)
        assert n == 80000, f"a locked counter lost updates ({' '.join(opts)}): {n}"


def t_convoy(ctx):
    x = ratio(ctx, CONVOY)
    assert x > 5, f"an I/O thread beside a CPU-bound thread was only {x:.1f}x slower (expected the convoy effect)"


def t_no_guard(ctx):
    r = sim(ctx, NO_GUARD)
    assert "bootstrapping phase" in r["stderr"], r["stderr"][:500]
    assert r["exit_status"] == 0
    assert stdout_lines(r)[-1] == "exitcode 1", r["stdout"]


def t_deadlock(ctx):
    r = sim(ctx, DEADLOCK)
    assert r["exit_status"] == 3, f"exit {r['exit_status']}"
    d = r["deadlock"] or ""
    assert "waits for a lock" in d and "held by" in d, d
    assert "(a)" in d and "(b)" in d, d


def t_determinism(ctx):
    hashes = {sim(ctx, JITTER)["trace_hash"] for _ in range(2)}
    assert len(hashes) == 1, "the same run gave different trace hashes"
    varied = {sim(ctx, JITTER, "--set", "jitter=0.3", "--seed", str(s))["trace_hash"] for s in (1, 2, 3)}
    assert len(varied) > 1, "seed and jitter did not vary the schedule"
    again = {sim(ctx, JITTER, "--set", "jitter=0.3", "--seed", "2")["trace_hash"] for _ in range(2)}
    assert len(again) == 1, "the same seed with jitter gave different runs"


CASES = [
    ("shape/gil_threads_like_sequential", t_gil_threads),
    ("shape/gil_off_halves", t_gil_off),
    ("shape/processes_halve", t_processes),
    ("shape/sleeping_threads_overlap", t_sleepers),
    ("shape/counter_exact_under_gil", t_counter_gil),
    ("shape/counter_races_gil_off", t_counter_gil_off),
    ("shape/counter_races_every_op", t_counter_every_op),
    ("shape/counter_races_with_call", t_counter_call),
    ("shape/counter_exact_with_lock", t_counter_lock),
    ("shape/convoy_effect", t_convoy),
    ("shape/spawn_without_main_guard", t_no_guard),
    ("shape/deadlock_names_cycle", t_deadlock),
    ("shape/determinism_and_seed", t_determinism),
]


def run(ctx):
    cases = [(n, f) for n, f in CASES if ctx.wanted(n)]
    ctx.parallel(cases, lambda c: case(c[0], c[1])(ctx))
