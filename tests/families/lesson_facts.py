"""The numbers LESSONS.md states, checked against the simulation.

A lesson may only say what the simulator shows: every figure it gives
("0.2 s", "threads / sequential = 1.00", "loses updates", "35.3 times")
has a row in FACTS below, which runs the scenario (with the lesson's
options, and the lesson's edit for a variation) and compares.  When a
deliberate model change moves a number, the test names the fact and the
lesson, and both are updated together.

  facts/L<N>/<scenario>/<what>    one row of FACTS
  facts/predict/L<N>.<K>          predict block K of lesson N: a numeric answer
                                  lies within its tolerance of the simulated value,
                                  a choice is the letter the simulation picks;
                                  every numeric block must have a check here
  facts/python3/<scenario>        the scenario runs under python3 (exit 0; the
                                  deadlock scenario hangs and is stopped; trio and
                                  gevent scenarios under /usr/bin/python3), and
                                  prints what the simulator prints where that
                                  does not depend on timing (exactly, with its
                                  times a little late, with its numbers masked,
                                  or the same lines)
  facts/steady/<scenario>         what python3 is compared with stays the same
                                  when the simulator's costs vary (jitter)
  facts/size/<scenario>           every scenario stays small (bytecode ops)
"""
import json
import os
import re
import shutil
import subprocess
import tempfile
import threading

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


# ---- what a fact compares -------------------------------------------------

class approx:
    def __init__(self, v, tol):
        self.v, self.tol = v, tol

    def ok(self, x):
        return isinstance(x, (int, float)) and abs(x - self.v) <= self.tol + 1e-9

    def __repr__(self):
        return f"{self.v} +- {self.tol}"


class between:
    def __init__(self, lo, hi):
        self.lo, self.hi = lo, hi

    def ok(self, x):
        return isinstance(x, (int, float)) and self.lo <= x <= self.hi

    def __repr__(self):
        return f"between {self.lo} and {self.hi}"


class equals:
    def __init__(self, v):
        self.v = v

    def ok(self, x):
        return x == self.v

    def __repr__(self):
        return repr(self.v)


def exact(v):
    return approx(v, 0)


# ---- how to measure -------------------------------------------------------
# A probe is (kind, what): "out" a regex over `run -q`'s stdout (group 1,
# a number unless it is compared with equals), "has"/"lacks" a regex that
# must or must not match stdout, "err" a regex over stderr, "json" a
# function of the `--format json` object, "exit" the exit status, "repl"
# a REPL script and a regex over its transcript, "explore" a function of
# `interleave explore --format json`'s object and "explore_text" a regex
# that must match explore's text output (the options are explore's).

def out(rx):
    return ("out", rx)


def has(rx):
    return ("has", rx)


def lacks(rx):
    return ("lacks", rx)


def err(rx):
    return ("err", rx)


def js(fn):
    return ("json", fn)


def exit_status():
    return ("exit", None)


def explored(fn):
    return ("explore", fn)


def explore_text(rx):
    return ("explore_text", rx)


def outputs(d):
    """An explore's outcomes: the sorted stdouts, "deadlock" for a deadlock."""
    return sorted("deadlock" if o["deadlock"] else o["stdout"] for o in d["outcomes"])


def goal_runs(d):
    return d["goal"]["runs"]


def task(d, name, process=None):
    for t in d["tasks"]:
        if t["name"] == name and (process is None or t["process"] == process):
            return t
    raise KeyError(f"no task {name!r} in {[t['name'] for t in d['tasks']]}")


def ms(ns):
    return ns / 1e6


def elapsed_ms(d):
    return ms(d["elapsed_ns"])


def elapsed_s(d):
    return d["elapsed_ns"] / 1e9


def blocked_ms(name):
    return lambda d: ms(task(d, name)["blocked_ns"])


def running_ns(name, process=None):
    return lambda d: task(d, name, process)["running_ns"]


# lesson 5's variation: the shared Value updated for every item
PER_ITEM = ("        count += 1\n        plain += 1\n    with total.get_lock():             # one update of the shared Value, under its lock\n        total.value += count",
            "        count += 1\n        plain += 1\n        total.value += 1")
PER_ITEM_LOCKED = (PER_ITEM[0], "        count += 1\n        plain += 1\n        with total.get_lock():\n            total.value += 1")

# FACTS: (lesson, scenario, options, edits, probe, expected, what)
# edits are (old, new) replacements made in a copy of the scenario; each
# old text must occur in it.
FACTS = [
    # 0. The examples everyone starts from
    (0, "00a_thread_print_numbers.py", [], [], js(lambda d: task(d, "Thread-1 (print_numbers)")["running_ns"]), between(1, 999), "the loop runs under 1 us"),
    (0, "00a_thread_print_numbers.py", [], [], js(lambda d: d["elapsed_ns"] / 1e3), approx(110.2, 0.05), "the run lasts 110.2 us"),
    (0, "00a_thread_print_numbers.py", [], [], js(lambda d: task(d, "Thread-1 (print_numbers)")["running_ns"] * 100 < d["elapsed_ns"]), equals(True), "starting takes over 100 times the loop"),
    (0, "00a_thread_print_numbers.py", [], [], js(lambda d: task(d, "MainThread")["blocked_ns"] / d["elapsed_ns"]), between(0.99, 1.0), "the main thread is blocked throughout"),
    (0, "00b_process_print_numbers.py", [], [], js(elapsed_ms), approx(2.0, 0.005), "2 ms in all"),
    (0, "00b_process_print_numbers.py", [], [], js(running_ns("MainThread", "Process-1")), between(1, 999), "the child's prints take under 1 us"),
    (0, "00c_async_print_numbers.py", [], [], js(elapsed_s), approx(10.0, 0.001), "10 s"),
    (0, "00d_threads_numbers_letters.py", [], [], js(elapsed_s), approx(5.0, 0.001), "5.000 s"),
    (0, "00d_threads_numbers_letters.py", ["--cores", "1"], [], js(elapsed_s), approx(5.0, 0.001), "5.000 s on one core"),
    (0, "00d_threads_numbers_letters.py", [], [], js(lambda d: max(t["running_ns"] for t in d["tasks"][1:])), between(1, 999), "each thread runs under 1 us"),
    (0, "00d_threads_numbers_letters.py", [], [], js(lambda d: max(c["utilization"] for c in d["cores"])), between(0, 0.004), "the cores are 0% busy"),
    (0, "00e_processes_squares.py", [], [], js(elapsed_s), approx(1.002, 0.0005), "1.002 s"),
    (0, "00e_processes_squares.py", ["--cores", "1"], [], js(elapsed_s), approx(1.002, 0.0005), "1.002 s on one core"),
    (0, "00e_processes_squares.py", [], [], js(lambda d: max(t["running_ns"] for t in d["tasks"] if t["process"] != "MainProcess")), between(1, 999), "the squares take nanoseconds"),
    (0, "00f_gather_fetch_data.py", [], [], js(elapsed_s), approx(2.0, 0.001), "2 s"),
    (0, "00f_gather_fetch_data.py", [], [("    await asyncio.gather(fetch_data(), fetch_data(), fetch_data())", "    await fetch_data()\n    await fetch_data()\n    await fetch_data()")], js(elapsed_s), approx(6.0, 0.001), "6.000 s one after another"),
    # 1. Concurrency is not parallelism
    (1, "01_sequential_baseline.py", [], [], out(r"counting took ([\d.]+) ms"), exact(2.7), "counting 2.7 ms"),
    (1, "01_sequential_baseline.py", ["--set", "op_cost=6ns"], [], out(r"counting took ([\d.]+) ms"), exact(5.4), "5.4 ms at 6 ns an op"),
    (1, "01_sequential_baseline.py", [], [], out(r"with the sleep: ([\d.]+) ms"), exact(252.8), "252.8 ms with the sleep"),
    (1, "01_sequential_baseline.py", ["--set", "op_cost=6ns"], [], out(r"with the sleep: ([\d.]+) ms"), exact(255.5), "255.5 ms with the sleep at 6 ns"),
    (1, "02_interleaving_one_core.py", [], [], out(r"both done after ([\d.]+) ms"), exact(5.0), "5.0 ms on one core"),
    (1, "02_interleaving_one_core.py", ["--cores", "2", "--gil", "off"], [], out(r"both done after ([\d.]+) ms"), exact(2.7), "2.7 ms on two cores without the GIL"),
    (1, "02_interleaving_one_core.py", ["--cores", "2"], [], out(r"both done after ([\d.]+) ms"), exact(5.0), "still 5.0 ms on two cores with the GIL"),
    (1, "02_interleaving_one_core.py", [], [], js(lambda d: d["gil"]["forced_switches"]), exact(3), "3 forced switches"),
    (1, "02_interleaving_one_core.py", [], [], has(r"A finished step 1\n(.*\n)*B finished step 0"), equals(True), "A's step 1 before B's step 0"),
    # 2. Threads for I/O-bound work
    (2, "03_threads_for_io.py", [], [], out(r"one after another: ([\d.]+) s"), exact(0.8), "0.8 s one after another"),
    (2, "03_threads_for_io.py", [], [], out(r"in 4 threads: ([\d.]+) s"), exact(0.2), "0.2 s in threads"),
    (2, "03_threads_for_io.py", [], [("range(4)", "range(100)")], out(r"one after another: ([\d.]+) s"), exact(20.0), "100 downloads: 20.0 s one after another"),
    (2, "03_threads_for_io.py", [], [("range(4)", "range(100)")], out(r"in 4 threads: ([\d.]+) s"), exact(0.2), "100 downloads: 0.2 s in threads"),
    # 3. The GIL and CPU-bound work
    (3, "04_gil_cpu_bound.py", [], [], out(r"threads / sequential = ([\d.]+)"), exact(1.00), "threads / sequential = 1.00"),
    (3, "04_gil_cpu_bound.py", ["--gil", "off"], [], out(r"threads / sequential = ([\d.]+)"), exact(0.50), "0.50 without the GIL"),
    (3, "04_gil_cpu_bound.py", ["--set", "switch_interval=1ms"], [], out(r"threads / sequential = ([\d.]+)"), exact(1.01), "1.01 at a 1 ms interval"),
    (3, "04_gil_cpu_bound.py", [], [], js(lambda d: d["gil"]["forced_switches"]), exact(9), "9 forced switches"),
    (3, "04_gil_cpu_bound.py", ["--set", "switch_interval=1ms"], [], js(lambda d: d["gil"]["forced_switches"]), exact(52), "52 forced switches at 1 ms"),
    (3, "05_convoy_effect.py", [], [], out(r"alone: +([\d.]+) ms"), exact(10.0), "10.0 ms alone"),
    (3, "05_convoy_effect.py", [], [], out(r"CPU-bound thread: +([\d.]+) ms"), exact(260.5), "260.5 ms next to a CPU-bound thread"),
    (3, "05_convoy_effect.py", [], [], out(r"slowdown: (\d+)x"), exact(26), "26x"),
    (3, "05_convoy_effect.py", ["--set", "switch_interval=1ms"], [], out(r"slowdown: (\d+)x"), exact(6), "6x at 1 ms"),
    (3, "05_convoy_effect.py", ["--gil", "off"], [], out(r"slowdown: (\d+)x"), exact(1), "1x without the GIL"),
    # 4. Processes for CPU-bound work, and what they cost
    (4, "06_processes_cpu_bound.py", [], [], out(r"processes / sequential = ([\d.]+)"), exact(0.54), "0.54"),
    (4, "06_processes_cpu_bound.py", [], [], out(r"one process, twice: ([\d.]+) ms"), exact(54.0), "54.0 ms in one process"),
    (4, "06_processes_cpu_bound.py", ["--set", "fork_cost=17ms"], [], out(r"processes / sequential = ([\d.]+)"), exact(0.81), "0.81 with a 17 ms fork"),
    (4, "06_processes_cpu_bound.py", ["--set", "start_method=spawn"], [], out(r"processes / sequential = ([\d.]+)"), exact(1.43), "1.43 with spawn"),
    (4, "13_process_costs.py", [], [], out(r"runs ([\d.]+) ms after start"), exact(2.0), "the child runs 2.0 ms after start() (fork)"),
    (4, "13_process_costs.py", ["--set", "start_method=spawn"], [], out(r"runs ([\d.]+) ms after start"), exact(50.0), "50 ms with spawn"),
    (4, "13_process_costs.py", ["--set", "fork_cost=17ms"], [], out(r"runs ([\d.]+) ms after start"), exact(17.0), "fork_cost sets the start"),
    (4, "13_process_costs.py", [], [], out(r"sum here: +\d+ in ([\d.]+) ms"), exact(0.3), "0.3 ms here"),
    (4, "13_process_costs.py", [], [], out(r"sum in a child: +\d+ in ([\d.]+) ms"), exact(2.4), "2.4 ms in a child"),
    (4, "13_process_costs.py", [], [], out(r"and back: ([\d.]+) ms"), exact(0.6), "0.6 ms through a queue and back"),
    (4, "13_process_costs.py", ["--set", "pickle_cost=5"], [], out(r"and back: ([\d.]+) ms"), exact(5.1), "5.1 ms at pickle_cost 5"),
    # 5. Processes do not share memory
    (5, "07_separate_memory.py", [], [], out(r"after the process: results = \[\] counter = (\d+)"), exact(0), "counter 0 after the process"),
    (5, "07_separate_memory.py", [], [], out(r"after the thread: +results = \[0, 1, 4, 9, 16\] counter = (\d+)"), exact(5), "counter 5 after the thread"),
    (5, "14_pipe_and_value.py", [], [], out(r"shared Value: (\d+)"), exact(4000), "the Value is 4000"),
    (5, "14_pipe_and_value.py", [], [], out(r"plain global in the parent: (\d+)"), exact(0), "the plain global stays 0"),
    (5, "14_pipe_and_value.py", [], [], js(lambda d: max(task(d, "MainThread", p)["blocked_ns"] for p in ("Process-1", "Process-2"))), exact(0), "neither worker waits for the lock"),
    (5, "14_pipe_and_value.py", [], [], js(lambda d: running_ns("MainThread", "Process-2")(d) / running_ns("MainThread", "Process-1")(d)), between(2.8, 3.2), "worker 1 runs three times as long"),
    (5, "14_pipe_and_value.py", [], [PER_ITEM], out(r"shared Value: (\d+)"), exact(3001), "3001 with an update per item, without the lock"),
    (5, "14_pipe_and_value.py", [], [PER_ITEM_LOCKED], out(r"shared Value: (\d+)"), exact(4000), "4000 with the lock on every item"),
    (5, "14_pipe_and_value.py", [], [PER_ITEM_LOCKED], js(lambda d: min(task(d, "MainThread", p)["blocked_ns"] for p in ("Process-1", "Process-2"))), between(1, 10**9), "both workers wait for the lock on every item"),
    # 6. The event loop, await and coroutines
    (6, "08_asyncio_gather.py", [], [], out(r"one after another: ([\d.]+) s"), exact(1.5), "1.5 s one after another"),
    (6, "08_asyncio_gather.py", [], [], out(r"with gather: ([\d.]+) s"), exact(0.5), "0.5 s with gather"),
    (6, "08_asyncio_gather.py", [], [], has(r"start a.txt\nstart b.txt\nstart c.txt\ndone  a.txt"), equals(True), "gathered starts print a, b, c before any done"),
    (6, "08_asyncio_gather.py", [], [("    await asyncio.sleep(seconds)\n", "    await asyncio.sleep(seconds)\n    n = 1_000_000\n    while n > 0:\n        n -= 1\n")], out(r"with gather: ([\d.]+) s"), exact(0.6), "0.6 s with a countdown in each"),
    # 7. gather, create_task, and a forgotten await
    (7, "15_create_task_and_forgotten_await.py", [], [], out(r"([\d.]+) s create_task"), exact(1.0), "tea ready at 1.0 s"),
    (7, "15_create_task_and_forgotten_await.py", [], [], out(r"([\d.]+) s got coffee"), exact(2.0), "coffee at 2.0 s"),
    (7, "15_create_task_and_forgotten_await.py", [], [], out(r"([\d.]+) s main did its own work"), exact(1.5), "main waits for the coffee from 1.5 s"),
    (7, "15_create_task_and_forgotten_await.py", [], [], out(r"([\d.]+) s got \["), exact(3.0), "the gathered three at 3.0 s"),
    (7, "15_create_task_and_forgotten_await.py", [], [], out(r"([\d.]+) s main returns"), exact(3.1), "main returns at 3.1 s"),
    (7, "15_create_task_and_forgotten_await.py", [], [], lacks(r"soup: ready|cocoa"), equals(True), "soup never ready, cocoa never runs"),
    (7, "15_create_task_and_forgotten_await.py", [], [], has(r"soup: start"), equals(True), "soup starts"),
    (7, "15_create_task_and_forgotten_await.py", [], [], err(r"RuntimeWarning: coroutine 'brew' was never awaited"), equals(True), "the RuntimeWarning"),
    (7, "15_create_task_and_forgotten_await.py", [], [("    await asyncio.sleep(0.5)\n", "    time.sleep(0.5)\n")], has(r"main did its own work.*\n  coffee: start"), equals(True), "with time.sleep the coffee starts after main's work"),
    # 8. A blocking call inside a coroutine
    (8, "09_blocking_in_coroutine.py", [], [], out(r"time.sleep in coroutines: ([\d.]+) s"), exact(1.5), "1.5 s blocking"),
    (8, "09_blocking_in_coroutine.py", [], [], out(r"asyncio.to_thread: +([\d.]+) s"), exact(0.7), "0.7 s with to_thread"),
    (8, "09_blocking_in_coroutine.py", [], [("    time.sleep(0.5)                      # blocks the thread, and the loop", "    await asyncio.sleep(0.5)")], out(r"time.sleep in coroutines: ([\d.]+) s"), exact(0.5), "0.5 s with asyncio.sleep"),
    # 9. Races and locks
    (9, "10_race_counter.py", [], [], out(r"counter = (\d+)"), exact(879166), "879,166"),
    (9, "10_race_counter.py", ["--seed", "1", "--set", "jitter=0.2"], [], out(r"counter = (\d+)"), exact(1110700), "1,110,700 with seed 1"),
    (9, "10_race_counter.py", ["--seed", "2", "--set", "jitter=0.2"], [], out(r"counter = (\d+)"), exact(701895), "701,895 with seed 2"),
    (9, "10_race_counter.py", [], [("counter = counter + one()", "counter += 1")], out(r"counter = (\d+)"), exact(2400000), "+= loses nothing under the GIL"),
    (9, "10_race_counter.py", ["--set", "preempt=every_op"], [("counter = counter + one()", "counter += 1")], out(r"counter = (\d+)"), exact(1656304), "+= with preempt=every_op"),
    (9, "10_race_counter.py", ["--gil", "off"], [("counter = counter + one()", "counter += 1")], out(r"counter = (\d+)"), exact(1800003), "+= without the GIL"),
    (9, "11_lock_fixes_race.py", [], [], out(r"counter = (\d+)"), exact(200000), "no update lost"),
    (9, "11_lock_fixes_race.py", ["--gil", "off"], [], out(r"counter = (\d+)"), exact(200000), "no update lost without the GIL"),
    (9, "11_lock_fixes_race.py", [], [], js(blocked_ms("Thread-1 (work)")), exact(0), "Thread-1 never blocks"),
    (9, "11_lock_fixes_race.py", [], [], js(blocked_ms("Thread-2 (work)")), approx(5.40, 0.005), "Thread-2 blocked 5.40 ms"),
    (9, "11_lock_fixes_race.py", [], [], js(blocked_ms("Thread-3 (work)")), approx(10.75, 0.005), "Thread-3 blocked 10.75 ms"),
    (9, "11_lock_fixes_race.py", [], [], js(blocked_ms("Thread-4 (work)")), approx(16.05, 0.005), "Thread-4 blocked 16.05 ms"),
    (9, "11_lock_fixes_race.py", [], [], js(elapsed_ms), approx(59.9, 0.05), "59.9 ms"),
    (9, "11_lock_fixes_race.py", [], [("            counter = counter + one()\n            if i % 10_000 == 0:\n                save_checkpoint()", "            counter = counter + one()\n        if i % 10_000 == 0:\n            save_checkpoint()")], js(elapsed_ms), approx(39.2, 0.05), "39.2 ms with the checkpoint outside the lock"),
    (9, "11_lock_fixes_race.py", [], [("            counter = counter + one()\n            if i % 10_000 == 0:\n                save_checkpoint()", "            counter = counter + one()\n        if i % 10_000 == 0:\n            save_checkpoint()")], js(lambda d: max(t["blocked_ns"] for t in d["tasks"][1:])), exact(0), "nobody blocks with the checkpoint outside"),
    # 10. Deadlock and lock ordering
    (10, "12_deadlock.py", [], [], exit_status(), exact(3), "exit status 3"),
    (10, "12_deadlock.py", [], [], err(r"Kant waits for a lock \(fork\), held by Plato; Plato waits for a lock \(knife\), held by Kant \(at 220.8 us"), equals(True), "the report, at 220.8 us"),
    (10, "12_deadlock.py", [], [("        both_holding.wait()", "        pass")], exit_status(), exact(0), "no deadlock without the barrier"),
    (10, "16_lock_ordering.py", [], [], out(r"polite_kant: dinner is over after (\d+) ms"), exact(91), "91 ms with the timeout"),
    (10, "16_lock_ordering.py", [], [], out(r"ordered_kant: dinner is over after (\d+) ms"), exact(20), "20 ms with one order"),
    (10, "16_lock_ordering.py", [], [("timeout=0.05", "timeout=0.001")], out(r"polite_kant: dinner is over after (\d+) ms"), exact(42), "42 ms with a 1 ms timeout"),
    # 11. Producers and consumers
    (11, "17_queue_producer_consumer.py", [], [], out(r"parsed 12 pages in ([\d.]+) s"), exact(1.00), "1.00 s"),
    (11, "17_queue_producer_consumer.py", [], [], js(blocked_ms("producer")), approx(200, 1), "the producer blocks about 200 ms"),
    (11, "17_queue_producer_consumer.py", [], [("for i in range(2)]", "for i in range(3)]"), ("args=(12, 2)", "args=(12, 3)")], out(r"parsed 12 pages in ([\d.]+) s"), exact(0.75), "0.75 s with three consumers"),
    (11, "17_queue_producer_consumer.py", [], [("for i in range(2)]", "for i in range(3)]"), ("args=(12, 2)", "args=(12, 3)")], js(blocked_ms("producer")), between(0, 0.1), "the producer no longer blocks"),
    (11, "18_asyncio_queue.py", [], [], out(r"parsed 12 pages in ([\d.]+) s"), exact(1.00), "1.00 s with asyncio"),
    (11, "18_asyncio_queue.py", [], [("for _ in range(2)]", "for _ in range(3)]")], out(r"parsed 12 pages in ([\d.]+) s"), exact(0.75), "0.75 s with three consumer tasks"),
    (11, "18_asyncio_queue.py", [], [], js(lambda d: len([t for t in d["tasks"] if t["kind"] == "thread"])), exact(1), "no threads but the main one"),
    # 12. Pools
    (12, "19_thread_pool_futures.py", [], [], out(r"all done after ([\d.]+) s"), exact(0.40), "0.40 s on four workers"),
    (12, "19_thread_pool_futures.py", [], [("max_workers=4) as pool:\n    futures", "max_workers=8) as pool:\n    futures")], out(r"all done after ([\d.]+) s"), exact(0.20), "0.20 s on eight"),
    (12, "19_thread_pool_futures.py", [], [], has(r"bad.example: failed: cannot reach bad.example"), equals(True), "the failure is reported by result()"),
    (12, "20_process_pool_overhead.py", [], [], out(r"small jobs: pool / sequential = ([\d.]+)"), exact(35.3), "35.3 times slower"),
    (12, "20_process_pool_overhead.py", [], [], out(r"big jobs: +pool / sequential = ([\d.]+)"), exact(0.57), "0.57 for big jobs"),
    (12, "20_process_pool_overhead.py", ["--set", "fork_cost=17ms"], [], out(r"big jobs: +pool / sequential = ([\d.]+)"), exact(1.03), "1.03 with a 17 ms fork"),
    # 13. Event, Semaphore, Condition and Barrier
    (13, "21_event_semaphore.py", [], [], out(r"at most (\d+) at a time"), exact(2), "at most two at a time"),
    (13, "21_event_semaphore.py", [], [], out(r"at a time: ([\d.]+) s"), exact(0.3), "0.3 s"),
    (13, "21_event_semaphore.py", [], [("Semaphore(2)", "Semaphore(3)")], out(r"at a time: ([\d.]+) s"), exact(0.2), "0.2 s with Semaphore(3)"),
    (13, "22_condition_barrier.py", [], [], out(r"done after ([\d.]+) s"), exact(0.6), "0.6 s"),
    (13, "22_condition_barrier.py", [], [], js(blocked_ms("oven")), approx(300, 1), "the oven waits 0.3 s"),
    (13, "22_condition_barrier.py", [], [('("C", 0.2)', '("C", 0.1)')], out(r"done after ([\d.]+) s"), exact(0.3), "0.3 s with baker C at 0.1 s"),
    # 14. Timeouts and cancellation
    (14, "23_asyncio_timeouts.py", [], [], out(r"total ([\d.]+) s"), exact(1.7), "1.7 s"),
    (14, "23_asyncio_timeouts.py", [], [], out(r"gave up after ([\d.]+) s"), exact(1.0), "slow gives up after 1.0 s"),
    (14, "23_asyncio_timeouts.py", [], [], out(r"task.done\(\) = (\w+)"), equals("False"), "done() is False right after cancel()"),
    (14, "23_asyncio_timeouts.py", [], [], js(lambda d: [round(ms(t["awaiting_ns"]), 1) for t in d["tasks"] if t["name"].startswith("Task-")][1:4]), equals([200.0, 1000.0, 500.0]), "fast, slow and manual await 0.2 s, 1 s and 0.5 s"),
    (14, "23_asyncio_timeouts.py", [], [], has(r"cancel\(\) requested.*\n.*manual: cancelled, cleaning up"), equals(True), "the cleanup comes after the request"),
    (14, "23_asyncio_timeouts.py", [], [("        raise\n", "        return None\n")], lacks(r"gave up|task.cancelled"), equals(True), "a swallowed CancelledError breaks the timeout"),
    # 15. Free-threaded Python
    (15, "24_free_threaded.py", [], [], out(r"one thread = ([\d.]+)"), exact(1.02), "1.02 with the GIL"),
    (15, "24_free_threaded.py", [], [], out(r"counter = (\d+)"), exact(400000), "400,000 with the GIL"),
    (15, "24_free_threaded.py", ["--gil", "off"], [], out(r"one thread = ([\d.]+)"), exact(0.52), "0.52 without"),
    (15, "24_free_threaded.py", ["--gil", "off"], [], out(r"counter = (\d+)"), exact(200347), "200,347 without"),
    (15, "24_free_threaded.py", ["--gil", "off", "--seed", "1"], [], out(r"counter = (\d+)"), exact(300354), "300,354 with seed 1"),
    (15, "24_free_threaded.py", ["--gil", "off"], [("        counter += 1", "        with lock:\n            counter += 1"), ("counter = 0\n", "counter = 0\nlock = threading.Lock()\n")], out(r"counter = (\d+)"), exact(400000), "400,000 with a lock"),
    # 16. Amdahl's law
    (16, "25_amdahl.py", ["repl", "compare cores=1,2,4,8"], [], ("repl", r"\n1 +([\d.]+) ms"), exact(21.71), "21.71 ms on 1 core"),
    (16, "25_amdahl.py", ["repl", "compare cores=1,2,4,8"], [], ("repl", r"\n2 +([\d.]+) ms"), exact(13.72), "13.72 ms on 2"),
    (16, "25_amdahl.py", ["repl", "compare cores=1,2,4,8"], [], ("repl", r"\n4 +([\d.]+) ms"), exact(9.89), "9.89 ms on 4"),
    (16, "25_amdahl.py", ["repl", "compare cores=1,2,4,8"], [], ("repl", r"\n8 +([\d.]+) ms"), exact(8.31), "8.31 ms on 8"),
    (16, "25_amdahl.py", ["--cores", "8"], [], out(r"serial part ([\d.]+) ms"), exact(5.4), "the serial part is 5.4 ms"),
    (16, "25_amdahl.py", ["repl", "compare cores=1,2,4,8"], [("SERIAL = 200_000", "SERIAL = 50_000")], ("repl", r"\n1 +([\d.]+) ms"), exact(17.66), "17.66 ms on 1 core with a smaller serial part"),
    (16, "25_amdahl.py", ["repl", "compare cores=1,2,4,8"], [("SERIAL = 200_000", "SERIAL = 50_000")], ("repl", r"\n8 +([\d.]+) ms"), exact(4.26), "4.26 ms on 8"),
    (16, "25_amdahl.py", ["repl", "compare cores=1,8 gil=on,off"], [], ("repl", r"\n8 +on +([\d.]+) ms"), between(21.71, 30), "no speedup with the GIL"),
    # 17. One download job, four ways
    (17, "26_downloads_compared.py", [], [], out(r"sequential +(\d+) ms"), exact(822), "822 ms sequential"),
    (17, "26_downloads_compared.py", [], [], out(r"threads +(\d+) ms"), exact(122), "122 ms threads"),
    (17, "26_downloads_compared.py", [], [], out(r"asyncio +(\d+) ms"), exact(122), "122 ms asyncio"),
    (17, "26_downloads_compared.py", [], [], out(r"processes +(\d+) ms"), exact(413), "413 ms processes"),
    (17, "26_downloads_compared.py", [], [("WAIT = 0.1", "WAIT = 0.01"), ("PARSE = 100_000", "PARSE = 400_000")], out(r"processes +(\d+) ms"), exact(86), "CPU-heavy: processes 86 ms"),
    (17, "26_downloads_compared.py", [], [("WAIT = 0.1", "WAIT = 0.01"), ("PARSE = 100_000", "PARSE = 400_000")], out(r"threads +(\d+) ms"), exact(97), "CPU-heavy: threads 97 ms"),
    (17, "26_downloads_compared.py", [], [("WAIT = 0.1", "WAIT = 0.01"), ("PARSE = 100_000", "PARSE = 400_000")], out(r"asyncio +(\d+) ms"), exact(96), "CPU-heavy: asyncio 96 ms"),
    # 18. Choosing the right tool
    (18, "27_exercise_check_links.py", [], [], out(r"sequential: ([\d.]+) s"), exact(6.0), "links: 6.0 s sequential"),
    (18, "27_exercise_check_links.py", [], [('TOOL = "sequential"', 'TOOL = "threads"')], out(r"threads: ([\d.]+) s"), exact(0.3), "links: 0.3 s in threads"),
    (18, "27_exercise_check_links.py", [], [('TOOL = "sequential"', 'TOOL = "asyncio"')], out(r"asyncio: ([\d.]+) s"), exact(0.3), "links: 0.3 s with asyncio"),
    (18, "27_exercise_check_links.py", [], [('TOOL = "sequential"', 'TOOL = "processes"')], out(r"processes: ([\d.]+) s"), exact(3.0), "links: 3.0 s in processes"),
    (18, "28_exercise_compress_files.py", [], [], out(r"sequential: (\d+) ms"), exact(108), "files: 108 ms sequential"),
    (18, "28_exercise_compress_files.py", [], [('TOOL = "sequential"', 'TOOL = "threads"')], out(r"threads: (\d+) ms"), exact(108), "files: 108 ms in threads"),
    (18, "28_exercise_compress_files.py", [], [('TOOL = "sequential"', 'TOOL = "asyncio"')], out(r"asyncio: (\d+) ms"), exact(108), "files: 108 ms with asyncio"),
    (18, "28_exercise_compress_files.py", [], [('TOOL = "sequential"', 'TOOL = "processes"')], out(r"processes: (\d+) ms"), exact(56), "files: 56 ms in processes"),
    (18, "28_exercise_compress_files.py", ["--gil", "off"], [('TOOL = "sequential"', 'TOOL = "threads"')], out(r"threads: (\d+) ms"), exact(61), "files: 61 ms in threads without the GIL"),
    # 19. Structured concurrency and cancellation with trio
    (19, "29_trio_nursery.py", [], [], out(r"started so far: (\[.*\])"), equals("[]"), "no child has started after start_soon"),
    (19, "29_trio_nursery.py", [], [], js(lambda d: sorted(round(ms(t["sleeping_ns"])) for t in d["tasks"][2:5])), equals([100, 200, 300]), "the first three sleep 0.1, 0.2 and 0.3 s"),
    (19, "29_trio_nursery.py", [], [], js(lambda d: task(d, "__main__.main")["awaiting_ns"] > 0), equals(True), "main awaits in the nursery"),
    (19, "29_trio_nursery.py", [], [], out(r"the block ended after ([\d.]+) s"), exact(0.3), "the block ends after 0.3 s"),
    (19, "29_trio_nursery.py", [], [], js(lambda d: round(ms(d["tasks"][5]["sleeping_ns"]))), exact(200), "d.html's row ends at 0.2 s"),
    (19, "29_trio_nursery.py", [], [], has(r"d.html: cancelled, closing the connection"), equals(True), "d.html is cancelled"),
    (19, "29_trio_nursery.py", [], [], out(r"raised OSError\('e.html: connection reset'\) after ([\d.]+) s"), exact(0.2), "the nursery raises after 0.2 s"),
    (19, "29_trio_nursery.py", [], [('"e.html", 0.2)', '"e.html", 0.05)')], has(r"f.html: cancelled(.|\n)*d.html: cancelled|d.html: cancelled(.|\n)*f.html: cancelled"), equals(True), "e.html at 0.05 s: d.html and f.html cancelled"),
    (19, "29_trio_nursery.py", [], [('"e.html", 0.2)', '"e.html", 0.05)')], lacks(r"f.html: done"), equals(True), "e.html at 0.05 s: f.html is not done"),
    (19, "30_trio_cancel_scopes.py", [], [], out(r"a 0.2 s fetch: took ([\d.]+) s"), exact(0.2), "0.2 s"),
    (19, "30_trio_cancel_scopes.py", [], [], out(r"move_on_after\(0.5\), a 2 s fetch: took ([\d.]+) s"), exact(0.5), "0.5 s"),
    (19, "30_trio_cancel_scopes.py", [], [], out(r"TooSlowError after ([\d.]+) s"), exact(0.5), "0.5 s (TooSlowError)"),
    (19, "30_trio_cancel_scopes.py", [], [], out(r"nested .*: took ([\d.]+) s"), exact(0.3), "0.3 s nested"),
    (19, "30_trio_cancel_scopes.py", [], [], out(r"outer caught it: (\w+)"), equals("True"), "the outer scope caught it"),
    (19, "30_trio_cancel_scopes.py", [], [], out(r"inner: (\w+)"), equals("False"), "the inner scope did not"),
    (19, "30_trio_cancel_scopes.py", [], [], out(r"shield=False: took ([\d.]+) s"), exact(0.2), "0.2 s without the shield"),
    (19, "30_trio_cancel_scopes.py", [], [], out(r"shield=True: took ([\d.]+) s"), exact(0.3), "0.3 s with the shield"),
    (19, "30_trio_cancel_scopes.py", [], [], has(r"shield=False.*\n  slow.html: said goodbye\n.*shield=True"), equals(True), "only the shielded cleanup says goodbye"),
    (19, "30_trio_cancel_scopes.py", [], [], js(lambda d: d["stdout"].count("said goodbye")), exact(1), "one goodbye"),
    (19, "31_trio_checkpoints.py", ["--seed", "0"], [], has(r"^C: step 1\nB: step 1\nA: step 1\nC: step 2\nB: step 2\nA: step 2\n"), equals(True), "seed 0: C B A, C B A"),
    (19, "31_trio_checkpoints.py", ["--seed", "1"], [], has(r"^C: step 1\nB: step 1\nA: step 1\nC: step 2\nB: step 2\nA: step 2\n"), equals(True), "seed 1: C B A, C B A"),
    (19, "31_trio_checkpoints.py", ["--seed", "2"], [], has(r"^A: step 1\nB: step 1\nC: step 1\nA: step 2\nB: step 2\nC: step 2\n"), equals(True), "seed 2: A B C, A B C"),
    (19, "31_trio_checkpoints.py", ["--seed", "5"], [], has(r"^C: step 1\nB: step 1\nA: step 1\nA: step 2\nB: step 2\nC: step 2\n"), equals(True), "seed 5: C B A, A B C"),
    (19, "31_trio_checkpoints.py", ["--set", "trio_order=fifo", "--seed", "5"], [], has(r"^A: step 1\nB: step 1\nC: step 1\nA: step 2\nB: step 2\nC: step 2\n"), equals(True), "fifo: A B C, A B C whatever the seed"),
    (19, "31_trio_checkpoints.py", ["repl", "break 22", "run", "where"], [], ("repl", r"worker +running +line 22 +(runs in trio's current batch, which trio runs reversed this time)"), equals("runs in trio's current batch, which trio runs reversed this time"), "where: the batch runs reversed"),
    (19, "31_trio_checkpoints.py", [], [], out(r"greedy: computes from ([\d.]+) s"), exact(0.15), "greedy computes from 0.15 s"),
    (19, "31_trio_checkpoints.py", [], [], out(r"greedy: done at ([\d.]+) s"), exact(0.34), "greedy is done at 0.34 s"),
    (19, "31_trio_checkpoints.py", [], [], out(r"tick 2, due at 0.2 s: at ([\d.]+) s"), exact(0.34), "tick 2 at 0.34 s"),
    (19, "31_trio_checkpoints.py", [], [], out(r"tick 3, due at 0.3 s: at ([\d.]+) s"), exact(0.34), "tick 3 at 0.34 s"),
    (19, "31_trio_checkpoints.py", [], [], out(r"tick 4, due at 0.4 s: at ([\d.]+) s"), exact(0.40), "tick 4 on time at 0.40 s"),
    (19, "31_trio_checkpoints.py", [], [], js(lambda d: (task(d, "__main__.ticker")["ready_ns"] < 100_000, round(ms(task(d, "__main__.ticker")["sleeping_ns"])))), equals((True, 500)), "the ticker row stays z"),
    (19, "31_trio_checkpoints.py", [], [("    crunch(7_000_000)\n", "    for _ in range(70):\n        crunch(100_000)\n        await trio.sleep(0)\n")], out(r"tick 2, due at 0.2 s: at ([\d.]+) s"), exact(0.20), "with checkpoints tick 2 at 0.20 s"),
    (19, "31_trio_checkpoints.py", [], [("    crunch(7_000_000)\n", "    for _ in range(70):\n        crunch(100_000)\n        await trio.sleep(0)\n")], out(r"tick 3, due at 0.3 s: at ([\d.]+) s"), exact(0.30), "with checkpoints tick 3 at 0.30 s"),
    (19, "31_trio_checkpoints.py", [], [("    crunch(7_000_000)\n", "    for _ in range(70):\n        crunch(100_000)\n        await trio.sleep(0)\n")], out(r"greedy: done at ([\d.]+) s"), exact(0.34), "with checkpoints greedy still ends at 0.34 s"),
    # 20. Greenlets and monkey-patching with gevent
    (20, "32_gevent_monkey_patch.py", [], [], out(r"4 pages in ([\d.]+) s"), exact(0.4), "0.4 s"),
    (20, "32_gevent_monkey_patch.py", [], [], out(r"one after another: ([\d.]+) s"), exact(1.0), "1.0 s one after another"),
    (20, "32_gevent_monkey_patch.py", [], [], js(lambda d: [t["name"] for t in d["tasks"] if t["kind"] == "thread"]), equals(["MainThread"]), "one OS thread"),
    (20, "32_gevent_monkey_patch.py", [], [], js(lambda d: [round(ms(t["sleeping_ns"])) for t in d["tasks"][1:]]), equals([300, 100, 400, 200]), "the greenlets sleep 0.3, 0.1, 0.4, 0.2 s"),
    (20, "32_gevent_monkey_patch.py", [], [], has(r"^0.1 s: got b.html.*\n0.2 s: got d.html.*\n0.3 s: got a.html.*\n0.4 s: got c.html"), equals(True), "pages at 0.1, 0.2, 0.3, 0.4 s"),
    (20, "32_gevent_monkey_patch.py", [], [], js(lambda d: max(c["utilization"] for c in d["cores"])), between(0, 0.004), "the cores are idle"),
    (20, "32_gevent_monkey_patch.py", [], [("from gevent import monkey\nmonkey.patch_all()", "")], out(r"4 pages in ([\d.]+) s"), exact(0.4), "without the patch: still 0.4 s"),
    (20, "32_gevent_monkey_patch.py", [], [("from gevent import monkey\nmonkey.patch_all()", "")], js(lambda d: len([t for t in d["tasks"] if t["kind"] == "thread"])), exact(5), "without the patch: four real threads"),
    (20, "32_gevent_monkey_patch.py", [], [("from gevent import monkey\nmonkey.patch_all()", "")], js(blocked_ms("MainThread")), approx(400, 1), "without the patch: the main thread is blocked"),
    (20, "33_gevent_cpu_starvation.py", [], [], js(lambda d: [round(ms(t["running_ns"])) for t in d["tasks"] if t["name"].startswith("greedy")]), equals([100, 100, 100]), "greedy runs 100 ms each round"),
    (20, "33_gevent_cpu_starvation.py", [], [], js(lambda d: round(ms([t for t in d["tasks"] if t["name"] == "friend"][0]["ready_ns"]))), exact(100), "the friend is ready all the first round"),
    (20, "33_gevent_cpu_starvation.py", [], [], out(r"with nothing .*\n.*ALARM at (\d+) ms"), exact(100), "no yield: ALARM at 100 ms"),
    (20, "33_gevent_cpu_starvation.py", [], [], out(r"with sleep\(0\) .*\n.*ALARM at (\d+) ms"), exact(100), "sleep(0): ALARM at 100 ms"),
    (20, "33_gevent_cpu_starvation.py", [], [], has(r"with sleep\(0\) .*\n  greedy 0, friend 0, greedy 1, friend 1, greedy 2, friend 2, greedy 3"), equals(True), "sleep(0): the friend's steps between the chunks"),
    (20, "33_gevent_cpu_starvation.py", [], [], out(r"with idle\(\) .*\n.*ALARM at (\d+) ms"), exact(25), "idle(): ALARM at 25 ms"),
    (20, "33_gevent_cpu_starvation.py", [], [], has(r"with idle\(\) .*\n  greedy 0, friend 0, friend 1, friend 2, ALARM"), equals(True), "idle(): after the first chunk and the friend"),
    (20, "33_gevent_cpu_starvation.py", [], [("range(4)", "range(100)"), ("compute(0.025)", "compute(0.001)")], out(r"with sleep\(0\) .*\n.*greedy (\d+), ALARM"), exact(43), "100 chunks: sleep(0) lets the alarm in after greedy 43"),
    (20, "33_gevent_cpu_starvation.py", [], [("range(4)", "range(100)"), ("compute(0.025)", "compute(0.001)")], out(r"with sleep\(0\) .*\n.*ALARM at (\d+) ms"), exact(44), "100 chunks: at 44 ms"),
    # 21. One download job in asyncio, trio and gevent
    (21, "34_downloads_asyncio.py", [], [], out(r"got 6 pages after ([\d.]+) s"), exact(0.6), "asyncio: 0.6 s"),
    (21, "35_downloads_trio.py", [], [], out(r"got 6 pages after ([\d.]+) s"), exact(0.6), "trio: 0.6 s"),
    (21, "36_downloads_gevent.py", [], [], out(r"got 6 pages after ([\d.]+) s"), exact(0.6), "gevent: 0.6 s"),
    (21, "34_downloads_asyncio.py", [], [], has(r"^(  0.2 s .*\n){2}(  0.4 s .*\n){2}(  0.6 s .*\n){2}  got 6"), equals(True), "asyncio: two by two"),
    (21, "35_downloads_trio.py", [], [], has(r"^(  0.2 s .*\n){2}(  0.4 s .*\n){2}(  0.6 s .*\n){2}  got 6"), equals(True), "trio: two by two"),
    (21, "36_downloads_gevent.py", [], [], has(r"^(  0.2 s .*\n){2}(  0.4 s .*\n){2}(  0.6 s .*\n){2}  got 6"), equals(True), "gevent: two by two"),
    (21, "34_downloads_asyncio.py", [], [], js(lambda d: [t["sleeping_ns"] == 0 and t["awaiting_ns"] > 0 for t in d["tasks"] if t["name"].endswith("(fetch)")]), equals([True] * 12), "asyncio: fetch rows are a all along"),
    (21, "35_downloads_trio.py", [], [], js(lambda d: sorted((round(ms(t["awaiting_ns"])), round(ms(t["sleeping_ns"]))) for t in d["tasks"][2:8])), equals([(0, 200)] * 2 + [(200, 200)] * 2 + [(400, 200)] * 2), "trio: a while waiting for the limiter, z while sleeping"),
    (21, "36_downloads_gevent.py", [], [], js(lambda d: round(ms(d["tasks"][1]["blocked_ns"]))), exact(600), "gevent: the map greenlet is blocked"),
    (21, "35_downloads_trio.py", [], [], has(r"trio, 2 at a time:\n  0.2 s  page [56] done\n  0.2 s  page [56] done"), equals(True), "trio, default seed: pages 6 and 5 first"),
    (21, "35_downloads_trio.py", ["--seed", "2"], [], has(r"trio, 2 at a time:\n  0.2 s  page [12] done\n  0.2 s  page [12] done"), equals(True), "trio, seed 2: pages 1 and 2 first"),
    (21, "35_downloads_trio.py", ["--seed", "2"], [], out(r"got 6 pages after ([\d.]+) s"), exact(0.6), "trio, seed 2: still 0.6 s"),
    (21, "34_downloads_asyncio.py", [], [], out(r"after ([\d.]+) s: 2 done, 1 failed, 2 fetching, 1 waiting"), exact(0.3), "asyncio raises at 0.3 s"),
    (21, "34_downloads_asyncio.py", [], [], out(r"one second later: (\d+) done, 1 failed\n"), exact(5), "asyncio ends with 5 done"),
    (21, "35_downloads_trio.py", [], [], out(r"after ([\d.]+) s: 2 done, 1 failed, 3 cancelled"), exact(0.3), "trio raises at 0.3 s"),
    (21, "35_downloads_trio.py", [], [], has(r"one second later: 2 done, 1 failed, 3 cancelled"), equals(True), "trio stays so"),
    (21, "36_downloads_gevent.py", [], [], out(r"after ([\d.]+) s: 3 done, 1 failed, 2 fetching"), exact(0.4), "gevent raises at 0.4 s"),
    (21, "36_downloads_gevent.py", [], [], out(r"one second later: (\d+) done, 1 failed\n"), exact(5), "gevent ends with 5 done"),
    (21, "36_downloads_gevent.py", [], [], err(r"<Greenlet at 0x[0-9a-f]+: fetch\(4\)> failed with OSError"), equals(True), "gevent prints the greenlet's traceback on stderr"),
    (21, "34_downloads_asyncio.py", [], [("LIMIT = 2", "LIMIT = 3")], out(r"got 6 pages after ([\d.]+) s"), exact(0.4), "asyncio, LIMIT 3: 0.4 s"),
    (21, "35_downloads_trio.py", [], [("LIMIT = 2", "LIMIT = 3")], out(r"got 6 pages after ([\d.]+) s"), exact(0.4), "trio, LIMIT 3: 0.4 s"),
    (21, "36_downloads_gevent.py", [], [("LIMIT = 2", "LIMIT = 3")], out(r"got 6 pages after ([\d.]+) s"), exact(0.4), "gevent, LIMIT 3: 0.4 s"),
    (22, "challenges/01_lost_update.py", [], [], explore_text(r"\A3 outcomes in 153 schedules \(complete within 2 preemptions\): 4 \(81 schedules\), 2 \(48\), 3 \(24\)\n"), equals(True), "explore: 3 outcomes in 153 schedules"),
    (22, "challenges/01_lost_update.py", [], [], explore_text(r"replay: interleave run --schedule g:0@5,2@7/19 "), equals(True), "the schedule of 2 is g:0@5,2@7/19"),
    (22, "challenges/01_lost_update.py", ["--schedule", "g:0@5,2@7/19"], [], has(r"\A2\n\Z"), equals(True), "play --schedule g:0@5,2@7/19 prints 2"),
    (22, "challenges/01_lost_update.py", ["-p", "0"], [], explored(lambda d: (d["runs"], outputs(d))), equals((1, ["4\n"])), "-p 0: one schedule, 4"),
    (22, "challenges/01_lost_update.py", ["-p", "1"], [], explored(lambda d: (d["runs"], outputs(d))), equals((15, ["2\n", "4\n"])), "-p 1: 15 schedules, 2 appears"),
    (22, "challenges/03_two_orders.py", [], [], out(r"^(.*)$"), equals("{'alice': 110, 'bob': 90}"), "run prints the balances"),
    (22, "challenges/03_two_orders.py", [], [], explored(lambda d: (d["runs"], sum(o["count"] for o in d["outcomes"] if o["deadlock"]))), equals((126, 4)), "explore: 4 schedules of 126 deadlock"),
    (22, "challenges/03_two_orders.py", [], [], explore_text(r"deadlock: Thread-\d \(transfer\) waits for a lock .*, held by Thread-\d \(transfer\); Thread-\d \(transfer\) waits for a lock"), equals(True), "explore names the cycle"),
    (22, "challenges/04_if_not_while.py", ["-p", "1"], [], explored(lambda d: (len(d["outcomes"]), sum(bool(o["error"]) for o in d["outcomes"]))), equals((3, 0)), "level 4, -p 1: 3 outcomes, all fine"),
    (22, "challenges/04_if_not_while.py", ["-p", "2"], [], explored(lambda d: (len(d["outcomes"]), sum("IndexError" in (o["error"] or "") for o in d["outcomes"]))), equals((6, 2)), "level 4, -p 2: 6 outcomes, 2 an IndexError"),
    (22, "challenges/01_lost_update.py", [], [("        counter = counter + one()", "        with lock:\n            counter = counter + one()"), ("counter = 0\n", "counter = 0\nlock = threading.Lock()\n")], explored(outputs), equals(["4\n"]), "with a lock: one outcome, 4"),
    (22, "challenges/04_if_not_while.py", ["-p", "2"], [("if not dishes:", "while not dishes:")], explored(goal_runs), exact(0), "while, -p 2: no IndexError"),
    (22, "challenges/04_if_not_while.py", ["-p", "3"], [("if not dishes:", "while not dishes:")], explored(goal_runs), exact(0), "while, -p 3: no IndexError"),
    (22, "challenges/04_if_not_while.py", ["--goal", 'stdout contains "Bo eats soup"'], [], explored(goal_runs), between(1, 10**6), "Bo can get the soup"),
    (21, "35_downloads_trio.py", ["--seed", "2"], [("LIMIT = 2", "LIMIT = 3")], out(r"after ([\d.]+) s: 3 done, 1 failed, 2 cancelled"), exact(0.3), "trio, LIMIT 3, seed 2: fails at 0.3 s"),
    (21, "35_downloads_trio.py", [], [("LIMIT = 2", "LIMIT = 3")], out(r"after ([\d.]+) s: 1 failed, 5 cancelled"), exact(0.1), "trio, LIMIT 3, default seed: fails at 0.1 s"),
]

# The simulated value each predict block is about: (lesson, index of the
# block in the lesson) -> (options, edits, probe, and for a choice, a
# function from the value to the letter it makes right).
PREDICTS = {
    (0, 0): ([], [], js(lambda d: task(d, "Thread-1 (print_numbers)")["running_ns"] * 100 < d["elapsed_ns"]), lambda v: "c" if v else "a"),
    (0, 1): ([], [], js(elapsed_ms), None),
    (0, 2): ([], [], js(elapsed_s), None),
    (0, 3): (["--cores", "1"], [], js(elapsed_s), lambda v: "a" if v > 7.5 else "b" if v > 3.75 else "c"),
    (0, 4): ([], [], js(elapsed_s), None),
    (0, 5): ([], [], has(r"^(Fetching data...\n){3}(Data fetched!\n){3}$"), lambda v: "b" if v else "a"),
    (1, 0): (["--set", "op_cost=6ns"], [], out(r"counting took ([\d.]+) ms"), None),
    (1, 1): (["--cores", "2", "--gil", "off"], [], out(r"both done after ([\d.]+) ms"), None),
    (2, 0): ([], [], out(r"in 4 threads: ([\d.]+) s"), None),
    (3, 0): ([], [], out(r"threads / sequential = ([\d.]+)"), lambda v: "a" if v < 0.75 else "b" if v < 1.5 else "c"),
    (3, 1): ([], [], out(r"slowdown: (\d+)x"), None),
    (4, 0): ([], [], out(r"processes / sequential = ([\d.]+)"), lambda v: "a" if v < 0.75 else "b" if v < 1.25 else "c"),
    (4, 1): (["--set", "start_method=spawn"], [], out(r"runs ([\d.]+) ms after start"), None),
    (5, 0): ([], [], out(r"after the process: results = \[\] counter = (\d+)"), lambda v: {0: "a", 5: "b", 10: "c"}.get(v)),
    (5, 1): ([], [], out(r"shared Value: (\d+)"), None),
    (6, 0): ([], [], out(r"with gather: ([\d.]+) s"), None),
    (7, 0): ([], [], out(r"([\d.]+) s got coffee"), None),
    (7, 1): ([], [], out(r"((?:cocoa|soup): start)"), lambda v: "b" if v == "soup: start" else "x"),
    (8, 0): ([], [], out(r"time.sleep in coroutines: ([\d.]+) s"), None),
    (9, 0): ([], [], out(r"counter = (\d+)"), lambda v: "a" if v == 2400000 else "b" if v > 2300000 else "c"),
    (9, 1): ([], [], js(lambda d: [t["name"] for t in d["tasks"] if t["name"] != "MainThread" and t["blocked_ns"] == 0]), lambda v: "b" if v == ["Thread-1 (work)"] else "a" if not v else "c"),
    (10, 0): ([], [("        both_holding.wait()", "        pass")], exit_status(), lambda v: "a" if v == 3 else "b"),
    (10, 1): ([], [], out(r"ordered_kant: dinner is over after (\d+) ms"), None),
    (11, 0): ([], [], js(lambda d: (task(d, "producer")["blocked_ns"], max(task(d, f"consumer{i}")["blocked_ns"] for i in range(2)))), lambda v: "b" if v[0] > v[1] else "a"),
    (11, 1): ([], [], out(r"parsed 12 pages in ([\d.]+) s"), None),
    (12, 0): ([], [], out(r"all done after ([\d.]+) s"), None),
    (12, 1): ([], [], out(r"small jobs: pool / sequential = ([\d.]+)"), lambda v: "a" if v < 0.75 else "b" if v < 2 else "c"),
    (13, 0): ([], [], out(r"at a time: ([\d.]+) s"), None),
    (13, 1): ([], [], out(r"done after ([\d.]+) s"), None),
    (14, 0): ([], [], out(r"task.done\(\) = (\w+)"), lambda v: "a" if v == "True" else "b"),
    (14, 1): ([], [], out(r"total ([\d.]+) s"), None),
    (15, 0): (["--gil", "off"], [], out(r"one thread = ([\d.]+)"), None),
    (15, 1): (["--gil", "off"], [], out(r"counter = (\d+)"), lambda v: "a" if v == 400000 else "b"),
    (16, 0): (["repl", "compare cores=1,8"], [], ("repl", r"\n1 +([\d.]+) ms(?:.|\n)*\n8 +([\d.]+) ms"), lambda v: "a" if v > 6 else "b" if v > 3.5 else "c" if 2.5 <= v <= 3 else "x"),
    (17, 0): ([], [], js(lambda d: min(("threads", "asyncio", "processes"), key=lambda k: -int(re.search(k + r" +(\d+) ms", d["stdout"]).group(1)))), lambda v: {"threads": "a", "asyncio": "b", "processes": "c"}[v]),
    (18, 0): ([], [('TOOL = "sequential"', 'TOOL = "threads"')], out(r"threads: ([\d.]+) s"), None),
    (18, 1): ([], [('TOOL = "sequential"', 'TOOL = "processes"')], out(r"processes: (\d+) ms"), None),
    (19, 0): ([], [], out(r"started so far: (\[.*\])"), lambda v: "b" if v == "[]" else "a"),
    (19, 1): ([], [], out(r"raised OSError\(.*\) after ([\d.]+) s"), None),
    (19, 2): ([], [], out(r"shield=True: took ([\d.]+) s"), None),
    (19, 3): ([], [], out(r"tick 2, due at 0.2 s: at ([\d.]+) s"), None),
    (19, 4): (["--set", "trio_order=fifo"], [], has(r"^A: step 1\nB: step 1\nC: step 1\nA: step 2\nB: step 2\nC: step 2\n"), lambda v: "a" if v else "c"),
    (20, 0): ([], [], out(r"4 pages in ([\d.]+) s"), None),
    (20, 1): ([], [], js(lambda d: sum(t["kind"] == "thread" for t in d["tasks"])), lambda v: {1: "a", 5: "b", 2: "c"}.get(v)),
    (20, 2): ([], [], out(r"with sleep\(0\) .*\n.*ALARM at (\d+) ms"), lambda v: "a" if v < 50 else "b"),
    (20, 3): ([], [], out(r"with idle\(\) .*\n.*ALARM at (\d+) ms"), None),
    (21, 0): ([], [], out(r"got 6 pages after ([\d.]+) s"), None),
    (21, 1): ([], [], out(r"one second later: (\d+) done"), lambda v: {2: "a", 5: "b", 0: "c"}.get(v)),
    (21, 2): ([], [], out(r"OSError\('page 4: connection refused'\) after ([\d.]+) s"), None),
    (22, 0): ([], [], explored(outputs), lambda v: {("4\n",): "a", ("3\n", "4\n"): "b", ("2\n", "3\n", "4\n"): "c"}.get(tuple(v))),
    (22, 1): ([], [("counter = counter + one()", "counter = counter + 1")], explored(outputs), lambda v: "a" if v == ["4\n"] else "b"),
    (22, 2): (["-p", "1"], [], explored(lambda d: any(o["deadlock"] for o in d["outcomes"])), lambda v: "b" if v else "c"),
    (22, 3): (["-p", "1"], [], explored(goal_runs), lambda v: "a" if v else "b"),
}

# How each scenario's python3 output compares with the simulator's:
# exact (no times in it: see same()), timed (the same text, and every time
# - a number with a decimal point - no earlier than the simulator's and
# late by at most TIME_SLACK), masked (the same lines with every number masked), lines (the same
# lines in any order, numbers masked: also trio's shuffled batch order,
# which real trio draws afresh on every run), chars (the same characters in any
# order: threads that print at the same instant may write into each
# other's lines, as print writes the text and the newline apart), squares
# (the same "Square of" lines,
# which children may write into each other), run (exit 0 only: the
# output depends on timing), hangs (a deadlock: stopped after a while).
PYTHON3 = {
    "00a_thread_print_numbers.py": "exact",
    "00b_process_print_numbers.py": "exact",
    "00c_async_print_numbers.py": "exact",
    "00d_threads_numbers_letters.py": "chars",
    "00e_processes_squares.py": "squares",
    "00f_gather_fetch_data.py": "exact",
    "01_sequential_baseline.py": "masked",
    "02_interleaving_one_core.py": "run",
    "03_threads_for_io.py": "timed",
    "04_gil_cpu_bound.py": "masked",
    "05_convoy_effect.py": "run",
    "06_processes_cpu_bound.py": "masked",
    "07_separate_memory.py": "exact",
    "08_asyncio_gather.py": "timed",
    "09_blocking_in_coroutine.py": "timed",
    "10_race_counter.py": "masked",
    "11_lock_fixes_race.py": "exact",
    "12_deadlock.py": "hangs",
    "13_process_costs.py": "masked",
    "14_pipe_and_value.py": "exact",
    "15_create_task_and_forgotten_await.py": "timed",
    "16_lock_ordering.py": "masked",
    "17_queue_producer_consumer.py": "masked",
    "18_asyncio_queue.py": "masked",
    "19_thread_pool_futures.py": "lines",
    "20_process_pool_overhead.py": "run",
    "21_event_semaphore.py": "timed",
    "22_condition_barrier.py": "timed",
    "23_asyncio_timeouts.py": "timed",
    "24_free_threaded.py": "masked",
    "25_amdahl.py": "masked",
    "26_downloads_compared.py": "masked",
    "27_exercise_check_links.py": "masked",  # python3 sleeps 60 times: 6.1 s on a busy machine
    "28_exercise_compress_files.py": "masked",
    "29_trio_nursery.py": "timed",
    "30_trio_cancel_scopes.py": "timed",
    "31_trio_checkpoints.py": "lines",
    "32_gevent_monkey_patch.py": "timed",
    "33_gevent_cpu_starvation.py": "masked",
    "34_downloads_asyncio.py": "masked",
    "35_downloads_trio.py": "lines",
    "36_downloads_gevent.py": "masked",
}

MAX_OPS = 80_000_000


# ---- running ----------------------------------------------------------------

class Runner:
    """Runs each (scenario, options, edits) once, however many facts ask."""

    def __init__(self, ctx, tmp):
        self.ctx, self.tmp = ctx, tmp
        self.cache = {}
        self.lock = threading.Lock()
        self.n = 0

    def path(self, scenario, edits):
        src = os.path.join(ROOT, "scenarios", scenario)
        if not edits:
            return os.path.relpath(src, ROOT)
        with open(src, encoding="utf-8") as f:
            text = f.read()
        for old, new in edits:
            assert old in text, f"the edit's text is not in {scenario}: {old!r}"
            text = text.replace(old, new)
        with self.lock:
            self.n += 1
            d = os.path.join(self.tmp, str(self.n))
        os.mkdir(d)
        p = os.path.join(d, scenario)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        with open(p, "w", encoding="utf-8") as f:
            f.write(text)
        return p

    def get(self, scenario, opts, edits, kind):
        mode = kind if kind in ("repl", "json", "explore", "explore_text") else "run"
        key = (scenario, tuple(opts), tuple(edits), mode)
        with self.lock:
            ev = self.cache.get(key)
            if ev is None:
                ev = self.cache[key] = [threading.Event(), None]
                mine = True
            else:
                mine = False
        if mine:
            try:
                ev[1] = self.run(scenario, opts, edits, mode)
            finally:
                ev[0].set()
        ev[0].wait()
        if ev[1] is None:
            raise AssertionError("the run failed")
        return ev[1]

    def run(self, scenario, opts, edits, mode):
        p = self.path(scenario, edits)
        ctx = self.ctx
        if mode == "repl":
            script = f"load {p}\n" + "\n".join(opts[1:]) + "\n"
            code, o, e = ctx.run([ctx.bin], stdin=script.encode(), timeout=600)
        elif mode == "json":
            code, o, e = ctx.run([ctx.bin, "run", "--format", "json", *opts, p], timeout=600)
        elif mode == "explore":
            code, o, e = ctx.run([ctx.bin, "explore", "--format", "json", *opts, p], timeout=600)
        elif mode == "explore_text":
            code, o, e = ctx.run([ctx.bin, "explore", *opts, p], timeout=600)
        else:
            code, o, e = ctx.run([ctx.bin, "run", "-q", *opts, p], timeout=600)
        rep = ctx.sanitizer_report(e)
        assert not rep, rep
        return code, o, e


def number(s):
    try:
        return int(s.replace(",", ""))
    except ValueError:
        return float(s)


def measure(runner, scenario, opts, edits, probe, want=None):
    kind, what = probe
    code, o, e = runner.get(scenario, opts, edits, kind)
    if kind == "exit":
        return code
    if kind in ("json", "explore"):
        return what(json.loads(o))
    if kind == "explore_text":
        return re.search(what, o, re.M) is not None
    if kind in ("has", "lacks"):
        found = re.search(what, o, re.M) is not None
        return found if kind == "has" else not found
    if kind == "err":
        return re.search(what, e) is not None
    m = re.search(what, o)
    assert m, f"no match for {what!r} in:\n{o[-1500:]}\n{e[-500:]}"
    if len(m.groups()) > 1:
        return number(m.group(1)) / number(m.group(2))
    if isinstance(want, equals):
        return m.group(1)
    try:
        return number(m.group(1))
    except ValueError:
        return m.group(1)


# ---- predict blocks, read from LESSONS.md -------------------------------------

def predict_blocks():
    """{(lesson, index): {key: value}} from LESSONS.md."""
    with open(os.path.join(ROOT, "LESSONS.md"), encoding="utf-8") as f:
        text = f.read()
    blocks = {}
    for m in re.finditer(r"^## (\d+)\. .*$", text, re.M):
        n = int(m.group(1))
        body = text[m.end():].split("\n## ", 1)[0]
        for k, b in enumerate(re.findall(r"^```predict\n(.*?)^```$", body, re.M | re.S)):
            q = {"choice": []}
            last = None
            for line in b.split("\n"):
                if line.startswith("  ") and last:
                    q[last] += " " + line.strip()
                elif ":" in line:
                    key, _, value = line.partition(":")
                    value = value.strip()
                    if key == "choice":
                        q["choice"].append(value)
                    else:
                        q[key] = value
                    last = key if key in ("ask", "explain") else None
            blocks[(n, k)] = q
    return blocks


# ---- the tests -----------------------------------------------------------------

def t_fact(runner, row):
    lesson, scenario, opts, edits, probe, want, what = row
    got = measure(runner, scenario, opts, edits, probe, want)
    assert want.ok(got), f"lesson {lesson} says {what!r}: expected {want!r}, the simulation gives {got!r}"


def t_predict(runner, key, q):
    assert key in PREDICTS, f"predict block {key} ({q.get('ask', '')[:60]}...) has no check in lesson_facts.PREDICTS"
    opts, edits, probe, letter = PREDICTS[key]
    got = measure(runner, q["scenario"], opts, edits, probe)
    if q["choice"]:
        assert letter, f"predict block {key} has choices but its check maps no letter"
        assert letter(got) == q["answer"], f"predict block {key}: the answer is {q['answer']}, the simulation ({got!r}) says {letter(got)}"
    else:
        assert letter is None, f"predict block {key} is numeric but its check maps letters"
        want, tol = float(q["answer"]), float(q["tolerance"])
        assert abs(got - want) <= tol + 1e-9, f"predict block {key}: answer {want} +- {tol}, the simulation gives {got}"


def mask(s):
    return re.sub(r"\d+(\.\d+)?", "#", s)


# trio and gevent scenarios are compared with Debian's own python3, which
# has python3-trio 0.22 and python3-gevent 22.10 (make test installs them;
# tests/families/libparity.py uses the same oracle): the python3 on PATH may
# lack them.
LIB_ORACLE = "/usr/bin/python3"
_has_lib = {}


def interpreter(ctx, scenario):
    """The python3 to compare a scenario with, or None when none has the
    library it imports."""
    with open(os.path.join(ROOT, "scenarios", scenario), encoding="utf-8") as fh:
        text = fh.read()
    libs = [m for m in ("trio", "gevent") if re.search(rf"^(import|from) {m}\b", text, re.M)]
    if not libs:
        return ctx.python
    for lib in libs:
        if lib not in _has_lib:
            code, _, _ = ctx.run([LIB_ORACLE, "-c", f"import {lib}"], timeout=60) if os.path.exists(LIB_ORACLE) else (1, "", "")
            _has_lib[lib] = code == 0
        if not _has_lib[lib]:
            return None
    return LIB_ORACLE


# How late a time may be: a busy machine wakes python3's sleepers late,
# by some milliseconds each (a run printed "1.6 s" for 1.5 s under load),
# but never early, and never by as much as the next step a lesson
# contrasts (0.2 s in threads against 0.8 s one after another).
def time_slack(t):
    return 0.3 + t / 2


def timed_diff(got, want):
    """The empty string when got is want's text with each of want's times
    (decimal numbers) matched by one in got that is neither earlier (beyond
    the last printed digit) nor later than time_slack; else what differs."""
    rx = r"(\d+\.\d+)"
    g, w = re.split(rx, got), re.split(rx, want)
    if len(g) != len(w) or any(a != b for a, b in zip(g[0::2], w[0::2])):
        return "other text"
    for a, b in zip(g[1::2], w[1::2]):
        step = 10 ** -len(b.split(".")[1])
        if not float(b) - step - 1e-9 <= float(a) <= float(b) + time_slack(float(b)):
            return f"{a} for {b}"
    return ""


def differ(mode, got, want):
    """The empty string when got (python3's stdout, or a jittered run's)
    matches want (the simulator's) as PYTHON3's mode says, else why not."""
    if mode == "exact":
        if re.search(r"\d\.\d", want):
            return "the output prints times (decimal numbers), which a busy machine moves: compare it as timed"
        return "" if got == want else "other output"
    if mode == "timed":
        return timed_diff(got, want)
    if mode == "masked":
        return "" if mask(got) == mask(want) else "other text (numbers aside)"
    if mode == "lines":
        return "" if sorted(mask(got).splitlines()) == sorted(mask(want).splitlines()) else "other lines"
    if mode == "chars":
        return "" if sorted(got) == sorted(want) else "other characters"
    if mode == "squares":
        rx = r"Square of \d+: \d+"
        return "" if sorted(re.findall(rx, got)) == sorted(re.findall(rx, want)) and len(re.findall(rx, want)) == 5 else "other squares"
    assert mode == "run", f"unknown comparison {mode!r}"
    return ""


def t_python3(ctx, runner, scenario):
    mode = PYTHON3.get(scenario)
    assert mode, f"{scenario} has no python3 comparison in lesson_facts.PYTHON3"
    f = os.path.join("scenarios", scenario)
    if mode == "hangs":
        code, o, e = ctx.run([ctx.python, f], timeout=3)
        assert code == -1 and "timed out" in e, f"python3 {f} was expected to hang (a deadlock): exit {code}\n{e[-500:]}"
        return
    py = interpreter(ctx, scenario)
    if py is None:
        return  # no python3 with the library the scenario imports
    code, po, pe = ctx.run([py, f], timeout=120)
    assert code == 0, f"{py} {f}: exit {code}\n{pe[-1000:]}"
    _, so, _ = runner.get(scenario, [], [], "out")
    why = differ(mode, po, so)
    assert not why, f"python3 printed ({mode}: {why}):\n{po}\nthe simulator:\n{so}"


# A comparison with python3 holds only if the output does not depend on
# timing, which one python3 run on a quiet machine cannot show (scenario
# 14's workers once printed in either order, 12 runs in 30).  The
# simulator's jitter varies every start cost, op cost and sleep by up to
# 10%: the output must still compare equal, seed after seed.  A scenario
# that hangs must deadlock whatever the timing, also when a busy machine
# starts the second thread late (12 once finished under load: the first
# philosopher took both locks before the second began).
STEADY_SEEDS = (1, 2, 3, 4)
STEADY_JITTER = "0.1"
STEADY_HANGS = (["--set", "thread_start_cost=50ms"],)


def t_steady(runner, scenario):
    mode = PYTHON3.get(scenario)
    assert mode, f"{scenario} has no python3 comparison in lesson_facts.PYTHON3"
    if mode == "run":
        return
    jittered = [["--seed", str(seed), "--set", f"jitter={STEADY_JITTER}"] for seed in STEADY_SEEDS]
    if mode == "hangs":
        for opts in jittered + list(STEADY_HANGS):
            code, o, _ = runner.get(scenario, opts, [], "out")
            assert code == 3, f"with {' '.join(opts)} the simulator finds no deadlock: exit {code}\n{o[-500:]}"
        return
    _, so, _ = runner.get(scenario, [], [], "out")
    for opts in jittered:
        _, jo, _ = runner.get(scenario, opts, [], "out")
        why = differ(mode, jo, so)
        assert not why, f"with {' '.join(opts)} the simulator printed ({mode}: {why}):\n{jo}\nwithout jitter:\n{so}"


def t_size(runner, scenario):
    code, o, e = runner.get(scenario, [], [], "json")
    ops = json.loads(o)["ops"]
    assert ops <= MAX_OPS, f"{scenario} runs {ops} bytecode ops; keep lesson scenarios under {MAX_OPS}"


def run(ctx):
    tmp = tempfile.mkdtemp(prefix="lesson_facts.")
    runner = Runner(ctx, tmp)
    cases = []
    seen = {}
    for row in FACTS:
        base = f"facts/L{row[0]}/{row[1][:-3]}/{row[6]}"
        seen[base] = seen.get(base, 0) + 1
        name = base if seen[base] == 1 else f"{base} ({seen[base]})"
        cases.append((name, lambda row=row: t_fact(runner, row)))
    for key, q in sorted(predict_blocks().items()):
        cases.append((f"facts/predict/L{key[0]}.{key[1]}", lambda key=key, q=q: t_predict(runner, key, q)))
    for key in sorted(PREDICTS):
        if key not in predict_blocks():
            cases.append((f"facts/predict/L{key[0]}.{key[1]}", lambda key=key: (_ for _ in ()).throw(AssertionError(f"PREDICTS has {key}, which LESSONS.md lacks"))))
    scenarios = sorted(f for f in os.listdir(os.path.join(ROOT, "scenarios")) if f.endswith(".py"))
    if ctx.python:
        cases += [(f"facts/python3/{s[:-3]}", lambda s=s: t_python3(ctx, runner, s)) for s in scenarios]
    cases += [(f"facts/steady/{s[:-3]}", lambda s=s: t_steady(runner, s)) for s in scenarios]
    cases += [(f"facts/size/{s[:-3]}", lambda s=s: t_size(runner, s)) for s in scenarios]
    cases = [c for c in cases if ctx.wanted(c[0])]

    def one(c):
        name, fn = c
        try:
            fn()
            return name, True, ""
        except (AssertionError, KeyError, ValueError, TypeError, AttributeError) as e:
            return name, False, f"{type(e).__name__}: {e}"

    try:
        # most of these runs sleep (python3) or are short: more workers than cores
        import concurrent.futures
        with concurrent.futures.ThreadPoolExecutor(max_workers=max(4, 2 * (os.cpu_count() or 2))) as ex:
            for name, ok, detail in ex.map(one, cases):
                ctx.record(name, ok, detail)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    # python3 tests/families/lesson_facts.py [--bin ./interleave]: the facts against a build
    import argparse
    import sys
    sys.path.insert(0, os.path.join(ROOT, "tests"))
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(ROOT, "interleave"))
    ap.add_argument("-k")
    a = ap.parse_args()
    import importlib.util
    spec = importlib.util.spec_from_file_location("runner", os.path.join(ROOT, "tests", "run.py"))
    r = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(r)
    ctx = r.Ctx(argparse.Namespace(bin=a.bin, unit=None, k=a.k, v=False))
    run(ctx)
    bad = [x for x in ctx.results if not x[1]]
    print(f"{len(ctx.results) - len(bad)} passed, {len(bad)} failed")
    sys.exit(1 if bad else 0)
