# Graph algorithms: BFS shortest paths, connected components
edges = [("A", "B"), ("A", "C"), ("B", "D"), ("C", "D"), ("D", "E"), ("F", "G"), ("E", "H"), ("C", "H")]
graph = {}
for u, v in edges:
    graph.setdefault(u, []).append(v)
    graph.setdefault(v, []).append(u)
graph["Z"] = []
print(sorted((k, sorted(v)) for k, v in graph.items()))
def bfs(start):
    dist, parent = {start: 0}, {start: None}
    queue, head = [start], 0
    while head < len(queue):
        u = queue[head]
        head += 1
        for v in sorted(graph[u]):
            if v not in dist:
                dist[v] = dist[u] + 1
                parent[v] = u
                queue.append(v)
    return dist, parent, queue
dist, parent, order = bfs("A")
print("visit order:", order)
print("distances:", dist)
def path_to(target):
    if target not in parent:
        return None
    path = []
    while target is not None:
        path.append(target)
        target = parent[target]
    return path[::-1]
for t in ["A", "E", "H", "G", "Q"]:
    p = path_to(t)
    print(t, p, "len", len(p) - 1 if p else "-")
seen = set()
components = []
for node in sorted(graph):
    if node not in seen:
        d, _, comp = bfs(node)
        seen.update(comp)
        components.append(sorted(comp))
print(len(components), components)
grid = ["S.#.....",
        ".##.###.",
        "....#...",
        ".##...#E"]
R, C = len(grid), len(grid[0])
goal = next((r, c) for r in range(R) for c in range(C) if grid[r][c] == "E")
steps = {(0, 0): 0}
frontier = [(0, 0)]
while frontier:
    nxt = []
    for r, c in frontier:
        for dr, dc in ((1, 0), (-1, 0), (0, 1), (0, -1)):
            nr, nc = r + dr, c + dc
            if 0 <= nr < R and 0 <= nc < C and grid[nr][nc] != "#" and (nr, nc) not in steps:
                steps[(nr, nc)] = steps[(r, c)] + 1
                nxt.append((nr, nc))
    frontier = nxt
print("goal", goal, "reached in", steps.get(goal), "steps; cells reached:", len(steps))
