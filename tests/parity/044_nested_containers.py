# Printing and manipulating nested containers
data = {
    "users": [
        {"name": "ann", "roles": ["admin", "dev"], "meta": {"age": 31, "active": True}},
        {"name": "bob", "roles": [], "meta": {"age": None, "active": False}},
    ],
    "counts": (1, (2, (3, ()))),
    "matrix": [[1, 2], [3, 4], []],
    "empty": {"list": [], "dict": {}, "tuple": (), "set": set(), "str": ""},
}
print(data)
print(data["users"][0]["roles"][-1], data["counts"][1][1][0], data["matrix"][1])
print(data["empty"])
for user in data["users"]:
    print(user["name"], len(user["roles"]), user["meta"].get("age"), user["meta"]["active"])
grid = [[0] * 3 for _ in range(3)]
grid[1][1] = 5
grid[0][2] = -1
print(grid)
alias = [[0] * 3] * 3
alias[0][0] = 9
print(alias)
tree = ("root", [("a", [("a1", []), ("a2", [])]), ("b", [])])
def show(node, indent=0):
    name, children = node
    print("  " * indent + name + ("/" if children else ""))
    for c in children:
        show(c, indent + 1)
show(tree)
print(tree)
mixed = [1, 2.5, "three", None, True, [4, [5, [6]]], {"k": (7, 8)}, frozenset({9})]
print(mixed)
print(len(mixed), mixed[5][1][1][0], mixed[6]["k"][1])
copy = [row[:] for row in grid]
copy[0][0] = 100
print(grid[0], copy[0])
d = {}
d.setdefault("a", []).append(1)
d.setdefault("a", []).append(2)
d.setdefault("b", {}).setdefault("x", []).append(3)
print(d)
print([[i, [j for j in range(i)]] for i in range(3)])
print({"t": [(1, "a"), (2, "b")], "n": {"m": {"o": {}}}})
print([[[]]], [(), ((),)], {1: {2: {3: {}}}})
print(sorted([[3, 1], [1, 2], [1, 1], [2]]))
print([1, [2, 3]] == [1, [2, 3]], [1, [2, 3]] == [1, [2, 4]], (1, [2]) == (1, [2]))
