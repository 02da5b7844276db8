# collections.defaultdict: grouping, counting and nested structures
from collections import defaultdict

students = [("math", "ana"), ("art", "ben"), ("math", "cy"), ("music", "ana"), ("art", "dee"), ("math", "ben")]
by_class = defaultdict(list)
for course, name in students:
    by_class[course].append(name)
for course in sorted(by_class):
    print(f"{course:<6} {by_class[course]}")

counts = defaultdict(int)
for _, name in students:
    counts[name] += 1
print("counts:", dict(counts))
print("missing key created:", counts["zed"], "zed" in counts)

tree = lambda: defaultdict(tree)
config = tree()
config["db"]["primary"]["host"] = "10.0.0.1"
config["db"]["primary"]["port"] = 5432
config["cache"]["ttl"] = 60


def to_dict(d):
    return {k: to_dict(v) if isinstance(v, defaultdict) else v for k, v in d.items()}


print("nested:", to_dict(config))

graph = defaultdict(set)
for a, b in [(1, 2), (1, 3), (2, 3), (3, 4)]:
    graph[a].add(b)
    graph[b].add(a)
print("adjacency:", {k: sorted(v) for k, v in sorted(graph.items())})

plain = defaultdict(None)
try:
    plain["nope"]
except KeyError as e:
    print("no factory -> KeyError", e)
labels = defaultdict(lambda: "unknown", {1: "one"})
print(labels[1], labels[2], labels.default_factory is not None)
print("get does not create:", counts.get("yan"), "yan" in counts)
print(repr(defaultdict(int, {"a": 1})))
