#!/usr/bin/env python3
"""Scheduler benchmarks for `make bench` (run by tests/bench.py).

Figures, never assertions:
  - 1,000 threads x 1,000 lock acquire/release pairs: trace records (state
    segments + events) simulated per wall second, against python3 running
    the same program;
  - two CPU-bound threads for 10 s of virtual time (5 ms switch interval):
    wall time and GIL switches per wall second;
  - the countdown split over 4 threads vs 1 thread, same total work: the
    scheduler's overhead on the VM's speed;
  - asyncio: 100,000 tasks each doing 10 `await asyncio.sleep(0)`, and
    1,000 tasks x 1,000: wall time and peak memory of python3 running the
    same file and of interleave, side by side, with python3's time over
    interleave's (the bar: at least 10x, and under 200 MB for 100,000
    tasks; the goal: 40x)."""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

LOCKS = """
import threading
lock = threading.Lock()
def work():
    for _ in range(1000):
        lock.acquire()
        lock.release()
ts = [threading.Thread(target=work) for _ in range(1000)]
for t in ts: t.start()
for t in ts: t.join()
print("done")
"""

# 10 s of virtual time: op_cost 1us makes ~10M ops of simulated work.
TEN_SECONDS = '''"""
op_cost: 1us
switch_interval: 5ms
cores: 2
"""
import threading, time
def spin():
    end = time.perf_counter() + 10
    while time.perf_counter() < end:
        pass
ts = [threading.Thread(target=spin) for _ in range(2)]
for t in ts: t.start()
for t in ts: t.join()
print("done")
'''

COUNTDOWN = """
import threading
def countdown(n):
    while n > 0:
        n -= 1
ts = [threading.Thread(target=countdown, args=(20_000_000 // THREADS,)) for _ in range(THREADS)]
for t in ts: t.start()
for t in ts: t.join()
print("done")
"""


AIO = """
import asyncio
async def worker():
    for _ in range(SLEEPS):
        await asyncio.sleep(0)
async def main():
    await asyncio.gather(*[worker() for _ in range(TASKS)])
    print("done")
asyncio.run(main())
"""


def run_rss(argv):
    """One run: (wall seconds, peak RSS in MB, stdout), from wait4 on the child."""
    r, w = os.pipe()
    t0 = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        os.close(r)
        os.dup2(w, 1)
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 2)
        try:
            os.execvp(argv[0], argv)
        finally:
            os._exit(127)
    os.close(w)
    out = b""
    while True:
        chunk = os.read(r, 65536)
        if not chunk:
            break
        out += chunk
    os.close(r)
    _, status, ru = os.wait4(pid, 0)
    dt = time.perf_counter() - t0
    if status != 0:
        raise SystemExit(f"benchmark failed: {' '.join(argv)}")
    return dt, ru.ru_maxrss / 1024.0, out


def best_rss(argv, repeat):
    """Best wall time of repeat runs, their highest peak RSS, the output."""
    best, mem, out = None, 0.0, b""
    for _ in range(repeat):
        dt, mb, out = run_rss(argv)
        best = dt if best is None else min(best, dt)
        mem = max(mem, mb)
    return best, mem, out


def timed(argv, repeat):
    best, out = None, b""
    for _ in range(repeat):
        t0 = time.perf_counter()
        p = subprocess.run(argv, capture_output=True)
        dt = time.perf_counter() - t0
        if p.returncode != 0:
            sys.stderr.write(p.stderr.decode(errors="replace"))
            raise SystemExit(f"benchmark failed: {' '.join(argv)}")
        best = dt if best is None else min(best, dt)
        out = p.stdout
    return best, out


def write(d, name, src):
    path = os.path.join(d, name + ".py")
    with open(path, "w") as f:
        f.write(src)
    return path


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("-k")
    a = ap.parse_args()
    py = sys.executable or "python3"
    want = lambda n: not a.k or a.k in n
    print()
    print("scheduler benchmarks (best of %d, wall time)" % a.repeat)
    with tempfile.TemporaryDirectory() as d:
        if want("locks"):
            path = write(d, "locks", LOCKS)
            pt, _ = timed([py, path], a.repeat)
            it, out = timed([a.bin, "run", "--format", "json", path], a.repeat)
            r = json.loads(out)
            recs = r["trace"]["segments"] + r["trace"]["events"]
            print(f"1000 threads x 1000 lock pairs: python3 {pt:.3f}s, interleave {it:.3f}s ({it / pt:.2f}x); "
                  f"{recs} trace records, {recs / it / 1e6:.2f} M records/s, trace {r['trace']['bytes'] / 1e6:.1f} MB")
        if want("10s"):
            path = write(d, "ten_seconds", TEN_SECONDS)
            it, out = timed([a.bin, "run", "--format", "json", path], a.repeat)
            r = json.loads(out)
            sw = r["gil"]["handoffs"]
            print(f"two CPU-bound threads, {r['elapsed_ns'] / 1e9:.1f} s virtual: wall {it:.3f}s, "
                  f"{sw} GIL switches ({sw / it:,.0f} per wall second), {r['ops'] / it / 1e6:.1f} M ops/s")
        if want("countdown"):
            one = write(d, "countdown1", COUNTDOWN.replace("THREADS", "1"))
            four = write(d, "countdown4", COUNTDOWN.replace("THREADS", "4"))
            t1, _ = timed([a.bin, "run", "-q", one], a.repeat)
            t4, _ = timed([a.bin, "run", "-q", four], a.repeat)
            print(f"countdown 20M in 1 thread {t1:.3f}s, in 4 threads {t4:.3f}s: "
                  f"scheduler overhead {100 * (t4 / t1 - 1):+.1f}% (goal: under 10%)")
        aio = [("aio 100k tasks x 10", 100_000, 10), ("aio 1k tasks x 1000", 1_000, 1_000)]
        if any(want(n) for n, _, _ in aio):
            print()
            print("asyncio: N tasks each awaiting asyncio.sleep(0) M times, gathered "
                  "(bar: 10x faster than python3, under 200 MB for 100k tasks; goal: 40x)")
            print(f"{'benchmark':<22} {'python3':>9} {'interleave':>11} {'speedup':>8}   {'py MB':>6} {'il MB':>6}")
        for name, tasks, sleeps in aio:
            if not want(name):
                continue
            path = write(d, name.replace(" ", "_"), AIO.replace("TASKS", str(tasks)).replace("SLEEPS", str(sleeps)))
            pt, pm, pout = best_rss([py, path], a.repeat)
            it, im, iout = best_rss([a.bin, "run", "-q", path], a.repeat)
            same = "" if pout == iout else "   OUTPUT DIFFERS"
            print(f"{name:<22} {pt:8.3f}s {it:10.3f}s {pt / it:7.1f}x   {pm:6.1f} {im:6.1f}{same}")
            sys.stdout.flush()


if __name__ == "__main__":
    main()
