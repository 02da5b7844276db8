# Dictionaries: insertion order, methods, errors
d = {"b": 2, "a": 1, "c": 3}
print(d, len(d))
d["d"] = 4
d["b"] = 20
print(d)
print(d["a"], d.get("z"), d.get("z", -1), d.get("a", -1))
print(list(d.keys()), list(d.values()), list(d.items()))
print("a" in d, "z" in d, 1 in d)
print(d.pop("a"), d.pop("zz", "default"))
print(d)
print(d.setdefault("e", 5), d.setdefault("b", 99))
print(d)
d.update({"f": 6, "b": 2})
d.update(g=7)
print(d)
k, v = d.popitem()
print(k, v, d)
del d["c"]
print(d)
for key in d:
    print(key, "->", d[key])
for key, val in d.items():
    print(f"{key}={val}", end=" ")
print()
e = {}
print(e, len(e), bool(e), bool(d))
print(dict(), dict(x=1, y=2), dict([("p", 1), ("q", 2)]), dict(zip("abc", range(3))))
print(dict.fromkeys(["a", "b"], 0), dict.fromkeys([1, 2]))
nested = {"outer": {"inner": [1, 2, {"deep": True}]}, "n": None}
print(nested, nested["outer"]["inner"][2]["deep"])
ints = {3: "three", 1: "one", 2: "two"}
print(ints, sorted(ints), sorted(ints.items(), key=lambda kv: kv[1]))
print({(1, 2): "tuple key", 0.5: "float key", True: "bool"})
print({1: "a", 1.0: "b"})
c = d.copy()
c["new"] = 1
print(len(c), len(d))
print({"a": 1} == {"a": 1}, {"a": 1, "b": 2} == {"b": 2, "a": 1})
print(d | {"z": 26})
d.clear()
print(d)
try:
    print(d["missing"])
except KeyError as e:
    print(type(e).__name__, e)
try:
    {}.popitem()
except KeyError as e:
    print(type(e).__name__, e)
try:
    x = {[1]: 2}
except TypeError as e:
    print(type(e).__name__, e)
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(counts)
print(max(counts, key=counts.get), min(counts.values()))
