"""The architecture, checked on the built objects and the sources.

  layers/calls       no function of sim/ calls up a layer: the call graph
                     from `nm` over the sanitizer build's objects, each file
                     in the layer its folder names (base < core < lang <
                     sched < lib < the front door in sim/ itself)
  layers/cycles      no call cycle in sim/ holds a library file, the
                     debugger or a front-door file (the core may be one
                     cycle, as Lua's is), and ui/ has no call cycle at all
  layers/includes    no file of sim/ includes a header of a higher layer;
                     nothing in sim/ includes a curses or editline header;
                     ui/ includes only the front door's headers

Nothing is allowed to call up: the core hands what it cannot finish of an
await to a driver through an ops table (AwaitDriver, sim/core/gen.h), as it
reaches the library and the debugger through the hooks they install.

Run by hand: python3 tests/families/layers.py [build/san] prints the
call graph's violations and cycles."""
import collections
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
ORDER = ["base", "core", "lang", "sched", "lib", "front"]
FRONT = ["debug"]  # the debugger: in the front door, and in no cycle
# (caller file, callee file) -> the symbols that may cross upwards: none
ALLOWED = {}


def layer_of_path(path):
    """'sim/core/vm.c' -> 'core'; 'sim/sim.c' -> 'front'."""
    parts = os.path.relpath(path, os.path.join(ROOT, "sim")).split(os.sep)
    return parts[0] if len(parts) > 1 and parts[0] in ORDER else "front"


def objects(build, top):
    """{file stem: (layer, object path)} for the .o files under build/top."""
    out = {}
    base = os.path.join(ROOT, build, top)
    for d, _, files in os.walk(base):
        for f in files:
            if f.endswith(".o"):
                rel = os.path.relpath(os.path.join(d, f[:-2] + ".c"), os.path.join(ROOT, build))
                if not os.path.exists(os.path.join(ROOT, rel)):
                    continue  # left over from a file that moved or went
                out[f[:-2]] = (layer_of_path(os.path.join(ROOT, rel)) if top == "sim" else "ui", os.path.join(d, f))
    return out


def call_graph(objs):
    """{caller: {callee: set(symbols)}} between the objects' own files."""
    defs, uses = {}, collections.defaultdict(set)
    for stem, (_, path) in objs.items():
        out = subprocess.run(["nm", path], capture_output=True, text=True, check=True).stdout
        for line in out.splitlines():
            p = line.split()
            if len(p) == 3 and p[1] in "TDBRG":
                defs[p[2]] = stem
            elif len(p) == 2 and p[0] == "U":
                uses[stem].add(p[1])
    g = collections.defaultdict(lambda: collections.defaultdict(set))
    for stem, syms in uses.items():
        for s in syms:
            t = defs.get(s)
            if t and t != stem:
                g[stem][t].add(s)
    return g


def upward_calls(objs, g):
    bad = []
    for f, callees in g.items():
        for t, syms in callees.items():
            lf, lt = ORDER.index(objs[f][0]), ORDER.index(objs[t][0])
            if lt > lf:
                extra = syms - ALLOWED.get((f, t), set())
                if extra:
                    bad.append(f"{f} ({objs[f][0]}) calls up into {t} ({objs[t][0]}): {', '.join(sorted(extra))}")
    return bad


def sccs(nodes, g):
    """Tarjan's strongly connected components with more than one node."""
    index, low, stack, on, out, n = {}, {}, [], set(), [], [0]

    def visit(v):
        index[v] = low[v] = n[0]
        n[0] += 1
        stack.append(v)
        on.add(v)
        for w in g.get(v, {}):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    sys.setrecursionlimit(10000)
    for v in sorted(nodes):
        if v not in index:
            visit(v)
    return out


def bad_cycles(objs, g, ui_objs, ui_g):
    bad = []
    for comp in sccs(objs, g):
        held = [f for f in comp if objs[f][0] in ("lib", "front")]
        if held:
            bad.append(f"sim/ cycle of {len(comp)} files holds {', '.join(held)}: {' '.join(comp)}")
    for comp in sccs(ui_objs, ui_g):
        bad.append(f"ui/ cycle: {' '.join(comp)}")
    return bad


def include_problems():
    bad = []
    headers = {}
    for d, _, files in os.walk(os.path.join(ROOT, "sim")):
        for f in files:
            if f.endswith(".h"):
                headers[f] = layer_of_path(os.path.join(d, f))
    allowed_inc = set()
    for d, _, files in os.walk(os.path.join(ROOT, "sim")):
        for f in files:
            if not f.endswith((".c", ".h")):
                continue
            path = os.path.join(d, f)
            lay = layer_of_path(path)
            with open(path, encoding="utf-8") as fh:
                text = fh.read()
            for inc in re.findall(r'^#include [<"]([^">]+)[">]', text, re.M):
                if inc.startswith(("curses", "ncurses", "editline", "readline", "term.h")):
                    bad.append(f"{os.path.relpath(path, ROOT)} includes <{inc}>: sim/ has no terminal code")
                h = os.path.basename(inc)
                if h in headers and ORDER.index(headers[h]) > ORDER.index(lay) and (f, h) not in allowed_inc:
                    bad.append(f"{os.path.relpath(path, ROOT)} ({lay}) includes {h} ({headers[h]})")
    front = {h for h, lay in headers.items() if lay == "front"}
    for f in sorted(os.listdir(os.path.join(ROOT, "ui"))):
        if not f.endswith((".c", ".h")):
            continue
        with open(os.path.join(ROOT, "ui", f), encoding="utf-8") as fh:
            for inc in re.findall(r'^#include "\.\./sim/([^"]+)"', fh.read(), re.M):
                if inc not in front:
                    bad.append(f"ui/{f} includes sim/{inc}, not a front-door header ({', '.join(sorted(front))})")
    return bad


def check(build="build/san"):
    objs = objects(build, "sim")
    ui_objs = objects(build, "ui")
    if not objs:
        return [f"no objects under {build}/sim: build first"], [], []
    g = call_graph(objs)
    ui_g = call_graph(ui_objs)
    return upward_calls(objs, g), bad_cycles(objs, g, ui_objs, ui_g), include_problems()


def run(ctx):
    if not any(ctx.wanted(n) for n in ("layers/calls", "layers/cycles", "layers/includes")):
        return
    # the objects the binary under test was linked from: build/san/ for
    # build/san/interleave, build/rel/ for ./interleave
    build = os.path.relpath(os.path.dirname(ctx.bin), ROOT)
    if build == ".":
        build = "build/rel"
    calls, cycles, includes = check(build)
    for name, problems in (("layers/calls", calls), ("layers/cycles", cycles), ("layers/includes", includes)):
        if ctx.wanted(name):
            ctx.record(name, not problems, "\n".join(problems))


if __name__ == "__main__":
    b = sys.argv[1] if len(sys.argv) > 1 else "build/san"
    res = check(b)
    for title, probs in zip(("calls", "cycles", "includes"), res):
        print(f"{title}: {len(probs)} problem(s)")
        for p in probs:
            print("  " + p)
    objs = objects(b, "sim")
    core = [c for c in sccs(objs, call_graph(objs))]
    for c in core:
        print(f"cycle of {len(c)}: {' '.join(c)}")
    sys.exit(1 if any(res) else 0)
