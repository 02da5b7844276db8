# A recursive pretty-printer / serializer for nested data (JSON-like)
def to_json(v, indent=0, step=2):
    pad, inner = " " * indent, " " * (indent + step)
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return repr(v)
    if isinstance(v, str):
        out = v.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")
        return '"' + out + '"'
    if isinstance(v, (list, tuple)):
        if not v:
            return "[]"
        parts = [inner + to_json(x, indent + step, step) for x in v]
        return "[\n" + ",\n".join(parts) + "\n" + pad + "]"
    if isinstance(v, dict):
        if not v:
            return "{}"
        parts = [inner + to_json(str(k)) + ": " + to_json(x, indent + step, step) for k, x in v.items()]
        return "{\n" + ",\n".join(parts) + "\n" + pad + "}"
    raise TypeError(f"Object of type {type(v).__name__} is not JSON serializable")
doc = {
    "name": "widget \"pro\"",
    "version": 3,
    "price": 19.99,
    "ratio": 1 / 3,
    "active": True,
    "deleted": False,
    "owner": None,
    "tags": ["a", "b\tc", "line\nbreak"],
    "dims": (1.5, 2, -0.0),
    "nested": {"empty_list": [], "empty_dict": {}, "deep": [[1, [2, [3]]]]},
    7: "int key",
}
print(to_json(doc))
print(to_json([]), to_json({}), to_json("back\\slash"), to_json(1e100), to_json(-5))
print(to_json([1, 2], step=4))
try:
    to_json({"bad": {1, 2}})
except TypeError as e:
    print(type(e).__name__, e)
def count_nodes(v):
    if isinstance(v, dict):
        return 1 + sum(count_nodes(x) for x in v.values())
    if isinstance(v, (list, tuple)):
        return 1 + sum(count_nodes(x) for x in v)
    return 1
print("nodes:", count_nodes(doc), "lines:", len(to_json(doc).split("\n")))
