"""The simulated trio and gevent against the real libraries.

  trio/NAME.py, gevent/NAME.py
      `interleave run -q NAME.py` prints exactly NAME.out, which Debian's
      python3 with python3-trio 0.22 / python3-gevent 22.10 printed (and,
      when /usr/bin/python3 has the library, prints now: a second run of
      the real library before a difference counts, as a loaded machine
      can stall it past the programs' margins), and nothing on stderr
      unless the program says `ignore-stderr` (gevent's failure reports)
  trio_order/NAME.py @ seed S
      programs whose output depends on trio's batch order: under seeds
      0-15 each run prints one of the outputs the real trio printed in 200
      runs (listed in tests/trio_order/README), more than one seed-dependent
      output appears where real trio showed several, equal seeds give equal
      output, and seed 1 and seed 2 print exactly NAME.seed1.out /
      NAME.seed2.out (golden); `--set trio_order=fifo` gives the
      append-order output whatever the seed
The oracle is Debian's own /usr/bin/python3: `make test` installs
python3-trio and python3-gevent there when they are missing."""
import glob
import os
import re
import subprocess

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
ORACLE = "/usr/bin/python3"


def has_module(mod):
    try:
        return subprocess.run([ORACLE, "-c", f"import {mod}"], capture_output=True, timeout=60).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


def observed_outputs():
    """{program: set of stdout strings} from tests/trio_order/README."""
    text = open(os.path.join(ROOT, "tests/trio_order/README"), encoding="utf-8").read()
    out = {}
    for m in re.finditer(r"^## (\S+\.py)\n(.*?)(?=^## |\Z)", text, re.M | re.S):
        name, body = m.group(1), m.group(2)
        outs = set()
        for line in re.findall(r"^\s*\d+ x  (.*)$", body, re.M):
            outs.add("\n".join(part.strip() for part in line.split(" | ")) + "\n")
        out[name] = outs
    return out


def run(ctx):
    from run import diff  # noqa: the runner's diff helper

    oracle = {lib: has_module(lib) for lib in ("trio", "gevent")}
    items = []
    for lib in ("trio", "gevent"):
        for f in sorted(glob.glob(os.path.join(ROOT, f"tests/{lib}/*.py"))):
            name = f"{lib}/{os.path.basename(f)}"
            if ctx.wanted(name):
                items.append((name, f, lib))

    def one(item):
        name, f, lib = item
        exp = open(f[:-3] + ".out", encoding="utf-8").read()
        code, out, err = ctx.run([ctx.bin, "run", "-q", os.path.basename(f)], cwd=os.path.dirname(f))
        rep = ctx.sanitizer_report(err)
        if rep:
            return name, False, rep
        if out != exp:
            return name, False, diff(exp, out) + ("\nstderr:\n" + err[-800:] if err else "")
        if code != 0:
            return name, False, f"exit {code}\n{err[-800:]}"
        if err and "ignore-stderr" not in open(f, encoding="utf-8").read():
            return name, False, "unexpected stderr:\n" + err[-800:]
        if oracle[lib]:
            # the real library runs on the real clock: on a loaded machine it
            # wakes late, which the programs leave room for (times printed
            # within a margin, events far apart); a stall longer than that
            # margin gets one more run before it counts as a difference
            for attempt in (1, 2):
                pcode, pout, _ = ctx.run([ORACLE, os.path.basename(f)], cwd=os.path.dirname(f), timeout=120)
                if pout == out:
                    break
            if pout != out:
                return name, False, "differs from the real " + lib + " (twice):\n" + diff(pout, out)
        return name, True, ""

    ctx.parallel(items, one)

    seen = observed_outputs()
    for f in sorted(glob.glob(os.path.join(ROOT, "tests/trio_order/*.py"))):
        base = os.path.basename(f)
        name = "trio_order/" + base
        if not ctx.wanted(name):
            continue
        d = os.path.dirname(f)
        outs, problems = {}, []
        for seed in range(16):
            code, out, err = ctx.run([ctx.bin, "run", "-q", "--seed", str(seed), base], cwd=d)
            rep = ctx.sanitizer_report(err)
            if rep or code != 0:
                problems.append(f"seed {seed}: exit {code}\n{(rep or err)[-800:]}")
                break
            outs[seed] = out
        if not problems:
            allowed = seen.get(base, set())
            exact = base != "002_event_wakeup.py"  # address order in real trio: a shape test
            for seed, out in outs.items():
                if exact and out not in allowed:
                    problems.append(f"seed {seed} printed an order real trio never showed:\n{out}")
                    break
                if not exact and sorted(out.splitlines()) != sorted(next(iter(allowed)).splitlines()):
                    problems.append(f"seed {seed}: not the same lines as real trio's:\n{out}")
                    break
            if len(allowed) > 1 and len(set(outs.values())) < 2:
                problems.append("every seed gave the same order: the coin is not drawn")
            code, again, _ = ctx.run([ctx.bin, "run", "-q", "--seed", "5", base], cwd=d)
            if again != outs[5]:
                problems.append("equal seeds gave different output")
            for seed in (1, 2):
                golden = f[:-3] + f".seed{seed}.out"
                if not os.path.exists(golden) or open(golden, encoding="utf-8").read() != outs[seed]:
                    problems.append(f"seed {seed} differs from {os.path.basename(golden)}")
            code, fifo0, _ = ctx.run([ctx.bin, "run", "-q", "--seed", "0", "--set", "trio_order=fifo", base], cwd=d)
            code, fifo7, _ = ctx.run([ctx.bin, "run", "-q", "--seed", "7", "--set", "trio_order=fifo", base], cwd=d)
            if fifo0 != fifo7:
                problems.append("trio_order=fifo still depends on the seed")
        ctx.record(name, not problems, "\n".join(problems))
