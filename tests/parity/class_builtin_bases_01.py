# Subclasses of dict, list and set: overridden operators, super() reaching the
# builtin's own methods, __missing__, attributes, and the builtin's behaviour
# everywhere the subclass does not override it.
class Tally(dict):
    def __init__(self, *words):
        super().__init__()
        for w in words:
            self[w] = self.get(w, 0) + 1
    def __repr__(self):
        return f"Tally({dict.__repr__(self)})"
    def __missing__(self, key):
        return 0
    def top(self):
        return max(self, key=self.get)

t = Tally("a", "b", "a")
print(t, t["zz"], t.top(), len(t), list(t.items()), isinstance(t, dict), type(t).__name__)
print(str(t), [t], {"k": t})
t.label = "words"
print(t.label, vars(t), t.__dict__)
print(t == {"a": 2, "b": 1}, {"a": 2, "b": 1} == t, t != {"a": 1})
c = t.copy()
print(type(c).__name__, c)

class Path(list):
    def __str__(self):
        return "/".join(self)
    def __add__(self, other):
        return Path(list(self) + (other if isinstance(other, list) else [other]))
    def __eq__(self, other):
        return str(self) == str(other)
    __hash__ = None

p = Path(["usr", "lib"])
print(p, repr(p), p + "python3", type(p + ["x"]).__name__)
print(p == "usr/lib", p == Path(["usr", "lib"]), len(p), p[0], p[-1:], list(reversed(p)))
p += ["local"]
print(p, type(p).__name__)
try:
    hash(p)
except TypeError as e:
    print("TypeError:", e)
for part in p:
    print(" part", part)
print(sorted(p), sum([len(x) for x in p]), "lib" in p)

class Seen(set):
    def add(self, x):
        print(f"  adding {x}")
        super().add(x)
s = Seen([1, 2])
s.add(3)
s |= {4}
print(sorted(s), type(s).__name__, s == {1, 2, 3, 4}, len(s))

class Ordered(list):
    def __iter__(self):
        return iter(sorted(list.__iter__(self)))
    def __len__(self):
        return 100
    def __contains__(self, x):
        return True
o = Ordered([3, 1, 2])
print(list(o), [x for x in o], len(o), 99 in o, bool(Ordered()), o)

class D(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k, v * 10)
    def __getitem__(self, k):
        return super().__getitem__(k) + 1
    def __delitem__(self, k):
        print("  deleting", k)
        super().__delitem__(k)
d = D(x=1)
d["y"] = 2
print(d, d["y"], d.get("y"))
del d["x"]
print(d)
try:
    class Bad(list, dict):
        pass
except TypeError as e:
    print("TypeError:", e)
print(list.__getitem__(p, 0), dict.__len__(d), set.__contains__(s, 1))
