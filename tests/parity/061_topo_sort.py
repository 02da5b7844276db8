# DFS, cycle detection and topological sort over a dependency graph
deps = {
    "app": ["lib", "utils", "config"],
    "lib": ["utils", "core"],
    "utils": ["core"],
    "config": [],
    "core": [],
    "tests": ["app", "mock"],
    "mock": ["core"],
}
def topo(graph):
    order, state = [], {}
    def visit(n, path):
        if state.get(n) == "done":
            return
        if state.get(n) == "active":
            raise ValueError("cycle: " + " -> ".join(path + [n]))
        state[n] = "active"
        for d in graph.get(n, []):
            visit(d, path + [n])
        state[n] = "done"
        order.append(n)
    for node in graph:
        visit(node, [])
    return order
print(topo(deps))
deps2 = dict(deps)
deps2["core"] = ["tests"]
try:
    topo(deps2)
except ValueError as e:
    print(type(e).__name__, e)
def all_deps(graph, n, acc=None):
    acc = set() if acc is None else acc
    for d in graph[n]:
        if d not in acc:
            acc.add(d)
            all_deps(graph, d, acc)
    return acc
for n in deps:
    print(f"{n:>6}: {sorted(all_deps(deps, n))}")
def depth(graph, n, memo={}):
    if n not in memo:
        memo[n] = 1 + max((depth(graph, d) for d in graph[n]), default=0)
    return memo[n]
print({n: depth(deps, n) for n in deps})
levels = {}
for n in deps:
    levels.setdefault(depth(deps, n), []).append(n)
for lvl in sorted(levels):
    print("level", lvl, sorted(levels[lvl]))
reverse = {n: [] for n in deps}
for n, ds in deps.items():
    for d in ds:
        reverse[d].append(n)
print({n: sorted(r) for n, r in reverse.items() if r})
print([n for n, r in reverse.items() if not r], [n for n, ds in deps.items() if not ds])
