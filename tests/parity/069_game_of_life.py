# Conway's Game of Life on a small toroidal grid
W, H = 10, 8
def parse(rows):
    return {(r, c) for r, row in enumerate(rows) for c, ch in enumerate(row) if ch == "#"}
def render(cells):
    return ["".join("#" if (r, c) in cells else "." for c in range(W)) for r in range(H)]
def neighbors(r, c):
    return [((r + dr) % H, (c + dc) % W) for dr in (-1, 0, 1) for dc in (-1, 0, 1) if dr or dc]
def step(cells):
    counts = {}
    for r, c in cells:
        for n in neighbors(r, c):
            counts[n] = counts.get(n, 0) + 1
    return {p for p, k in counts.items() if k == 3 or (k == 2 and p in cells)}
start = [
    ".#........",
    "..#.......",
    "###.......",
    "..........",
    "......##..",
    "......##..",
    "..........",
    "...###....",
]
cells = parse(start)
history = []
for gen in range(6):
    print(f"generation {gen}: {len(cells)} alive")
    for line in render(cells):
        print("  " + line)
    history.append(len(cells))
    cells = step(cells)
print("population history:", history)
print("final alive:", sorted(cells))
glider = parse(start[:3])
g = glider
for _ in range(4 * W):
    g = step(g)
print("glider after", 4 * W, "steps equals shifted:", sorted(g) == sorted(((r + W) % H, (c + W) % W) for r, c in glider))
print("glider cells:", sorted(g))
blinker = {(1, 0), (1, 1), (1, 2)}
b1 = step(blinker)
print(sorted(b1), step(b1) == blinker, len(step(set())))
