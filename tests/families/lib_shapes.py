"""trio and gevent shape tests: the simulated libraries keep the real
ones' timing shapes, asserted on virtual time read by the program itself
(never wall time): a CPU-bound greenlet delays a due timer by its run
time (nothing preempts it), a trio cancel scope interrupts a sleep
exactly at its deadline, fail_after raises TooSlowError at the deadline,
and a nursery whose child raises cancels its sibling at the sibling's next
checkpoint (not before).  Runs are deterministic: equal runs hash equal."""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from aio_shapes import case, ok_run  # noqa: E402  (the shared run helpers)

G_CPU = """
import time
import gevent

start = time.monotonic()
fired = []

def spin(seconds):
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        pass

timer = gevent.spawn_later(0.05, lambda: fired.append(time.monotonic() - start))
hog = gevent.spawn(spin, 0.2)
gevent.joinall([timer, hog])
print("timer due at 0.05 s fired at", round(fired[0], 2), "s")
"""


T_SCOPE = """
import trio

async def main():
    start = trio.current_time()
    with trio.move_on_after(0.25) as scope:
        await trio.sleep(10)
    print("cancelled_caught", scope.cancelled_caught, "after", trio.current_time() - start)

trio.run(main)
"""


T_FAIL = """
import trio

async def main():
    start = trio.current_time()
    try:
        with trio.fail_after(0.4):
            await trio.sleep(1)
    except trio.TooSlowError:
        print("TooSlowError after", trio.current_time() - start)

trio.run(main)
"""


T_NURSERY = """
import time
import trio

def spin(seconds):
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        pass

async def crasher():
    await trio.sleep(0.15)
    raise ValueError("boom")

async def plodder(start, log):
    try:
        for i in range(5):
            spin(0.1)
            log.append(i)
            await trio.lowlevel.checkpoint()
    except trio.Cancelled:
        log.append(("cancelled at", round(trio.current_time() - start, 3)))
        raise

async def main():
    start = trio.current_time()
    log = []
    try:
        async with trio.open_nursery() as n:
            n.start_soon(crasher)
            n.start_soon(plodder, start, log)
    except ValueError as e:
        print("nursery raised", repr(e))
    print(log)

trio.run(main)
"""


def number(text, after):
    m = re.search(re.escape(after) + r" ([0-9.]+)", text)
    assert m, f"no '{after} <number>' in {text!r}"
    return float(m.group(1))


def t_cpu_greenlet_delays_timer(ctx):
    r = ok_run(ctx, G_CPU)
    x = number(r["stdout"], "fired at")
    assert 0.2 <= x <= 0.21, f"a 0.05 s timer behind a 0.2 s CPU-bound greenlet fired at {x} s (expected ~0.2)"


def t_cancel_scope_at_deadline(ctx):
    r = ok_run(ctx, T_SCOPE)
    assert r["stdout"].startswith("cancelled_caught True"), r["stdout"]
    x = number(r["stdout"], "after")
    assert 0.25 <= x < 0.2501, f"move_on_after(0.25) ended a sleep(10) after {x} s"


def t_fail_after_at_deadline(ctx):
    r = ok_run(ctx, T_FAIL)
    x = number(r["stdout"], "TooSlowError after")
    assert 0.4 <= x < 0.4001, f"fail_after(0.4) raised after {x} s"


def t_nursery_cancels_at_checkpoint(ctx):
    r = ok_run(ctx, T_NURSERY)
    want = "nursery raised ValueError('boom')\n[0, 1, 2, ('cancelled at', 0.3)]\n"
    assert r["stdout"] == want, f"expected the sibling cancelled at its checkpoint at 0.3 s:\n{r['stdout']}"


def t_determinism(ctx):
    for src in (G_CPU, T_NURSERY):
        a = ok_run(ctx, src, "--trace-hash")
        b = ok_run(ctx, src, "--trace-hash")
        assert a["trace_hash"] == b["trace_hash"], "two equal runs hashed differently"


CASES = [
    ("lib_shape/gevent_cpu_greenlet_delays_timer", t_cpu_greenlet_delays_timer),
    ("lib_shape/trio_cancel_scope_at_deadline", t_cancel_scope_at_deadline),
    ("lib_shape/trio_fail_after_at_deadline", t_fail_after_at_deadline),
    ("lib_shape/trio_nursery_cancels_at_checkpoint", t_nursery_cancels_at_checkpoint),
    ("lib_shape/determinism", t_determinism),
]


def run(ctx):
    cases = [(n, f) for n, f in CASES if ctx.wanted(n)]
    ctx.parallel(cases, lambda c: case(c[0], c[1])(ctx))
