# json: serialising an order with indent/sort_keys, parsing, custom encoders and errors
import json

order = {
    "id": 1042,
    "customer": {"name": "Zoë Rivera", "vip": True},
    "items": [{"sku": "pen", "qty": 3, "price": 1.5}, {"sku": "pad", "qty": 1, "price": 4.0}],
    "coupon": None,
    "tags": ("gift", "rush"),
}
text = json.dumps(order)
print(text)
print(json.dumps(order, indent=2, sort_keys=True))
print(json.dumps(order["customer"], ensure_ascii=False, separators=(",", ":")))
back = json.loads(text)
print("round trip equal:", back == {**order, "tags": list(order["tags"])})
print("types:", type(back["items"]).__name__, type(back["coupon"]).__name__, type(back["tags"]).__name__)
total = sum(i["qty"] * i["price"] for i in back["items"])
print("total:", total)
print(json.loads('[1, 2.5, "x", true, false, null, {"a": [ ]}]'))
print(json.dumps({"b": 1, "a": 2, 3: "int key"}), json.dumps([1e20, 0.1, -0.0, 10**20]))
print(json.dumps("tab\tquote\"slash\\ unicode é ☃"))
print(json.loads('"\\u00e9\\n"') == "é\n")


class Money:
    def __init__(self, cents):
        self.cents = cents


def encode(obj):
    if isinstance(obj, Money):
        return {"$money": obj.cents}
    raise TypeError(f"Object of type {type(obj).__name__} is not JSON serializable")


def decode(d):
    return Money(d["$money"]) if "$money" in d else d


blob = json.dumps({"price": Money(1999), "qty": 2}, default=encode)
print(blob)
restored = json.loads(blob, object_hook=decode)
print("restored cents:", restored["price"].cents)
for bad in ['{"a": 1,}', "[1, 2", "{'a': 1}", ""]:
    try:
        json.loads(bad)
    except json.JSONDecodeError as e:
        print("JSONDecodeError:", e.msg, "at", e.pos)
try:
    json.dumps({"s": {1, 2}})
except TypeError as e:
    print("TypeError:", e)
print(json.dumps(float("nan")), json.loads("NaN") != json.loads("NaN"))
