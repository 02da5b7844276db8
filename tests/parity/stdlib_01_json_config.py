# json: a settings file written and read back through io.StringIO, pretty
# printing, custom encoders and decoders, and error positions
import io
import json
from collections import OrderedDict, namedtuple, Counter

config = {
    "name": "worker-pool",
    "threads": 4,
    "ratio": 0.75,
    "enabled": True,
    "tags": ["io", "cpu", "net"],
    "limits": {"max": 100, "min": -3, "scale": 1e-7},
    "owner": None,
}
buf = io.StringIO()
json.dump(config, buf, indent=4)
text = buf.getvalue()
print(text)
buf.seek(0)
print("round trip:", json.load(buf) == config)
print(json.dumps(config, sort_keys=True, indent="\t").splitlines()[1])
print(json.dumps(config, separators=(",", ":"))[:60])
print(json.dumps({"emoji": "naïve ☕ 😀", "ctrl": "\x00\x1f\x7f"}))
print(json.dumps({"emoji": "naïve ☕ 😀"}, ensure_ascii=False))
print(json.dumps([float("inf"), float("-inf"), 1.0, 1e16, 123456789.123, 2 ** 62]))
try:
    json.dumps([float("nan")], allow_nan=False)
except ValueError as e:
    print("ValueError:", e)
Point = namedtuple("Point", "x y")
print(json.dumps({"p": Point(1, 2), "c": Counter("aab"), "o": OrderedDict(z=1, a=2)}))
print(json.dumps({(1, 2): "x"}, skipkeys=True), json.dumps({1.5: 1, None: 2, True: 3}))
try:
    json.dumps({(1, 2): "x"})
except TypeError as e:
    print("TypeError:", e)
loop = []
loop.append(loop)
try:
    json.dumps(loop)
except ValueError as e:
    print("ValueError:", e)


class Temperature:
    def __init__(self, celsius):
        self.celsius = celsius


class TempEncoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, Temperature):
            return {"__temp__": o.celsius}
        return super().default(o)


data = json.dumps([Temperature(21.5), Temperature(-4)], cls=TempEncoder)
print(data)
back = json.loads(data, object_hook=lambda d: Temperature(d["__temp__"]) if "__temp__" in d else d)
print([t.celsius for t in back])
print(json.loads('{"a": 1, "a": 2, "b": [1.5, 2e3, -0, "x\\u00e9\\ud83d\\ude00"]}'))
print(json.loads("12.5", parse_float=lambda s: "float:" + s), json.loads("[1, 2]", parse_int=str))
print(json.loads('{"b": 1, "a": 2}', object_pairs_hook=list))
for bad in ['{"a" 1}', '[1 2]', '"abc', '{"a": tru}', '[1, 2]x', '\n\n  {', '"\\q"', '"tab\there"']:
    try:
        json.loads(bad)
    except json.JSONDecodeError as e:
        print(f"{e.msg!r} line {e.lineno} col {e.colno} pos {e.pos}")
obj, end = json.JSONDecoder().raw_decode('{"x": [1, 2]} trailing')
print(obj, end)
