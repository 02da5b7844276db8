# OrderedDict as an LRU cache (move_to_end, popitem) and ChainMap for layered settings
from collections import OrderedDict, ChainMap


class LRU:
    def __init__(self, capacity):
        self.capacity = capacity
        self.data = OrderedDict()

    def get(self, key):
        if key not in self.data:
            return None
        self.data.move_to_end(key)
        return self.data[key]

    def put(self, key, value):
        self.data[key] = value
        self.data.move_to_end(key)
        if len(self.data) > self.capacity:
            old, _ = self.data.popitem(last=False)
            print(f"  evict {old}")


cache = LRU(3)
for k in "abc":
    cache.put(k, k.upper())
cache.get("a")
cache.put("d", "D")
cache.get("c")
cache.put("e", "E")
print("cache order:", list(cache.data))
od = OrderedDict.fromkeys("xyz", 0)
od.move_to_end("x")
od.move_to_end("z", last=False)
print(od)
print("popitem last:", od.popitem())
print("order-sensitive eq:", OrderedDict(a=1, b=2) == OrderedDict(b=2, a=1), dict(a=1, b=2) == dict(b=2, a=1))
print("reversed:", list(reversed(OrderedDict(a=1, b=2, c=3))))

defaults = {"theme": "light", "font": "mono", "size": 12}
user = {"theme": "dark"}
cli = {"size": 14}
settings = ChainMap(cli, user, defaults)
print("resolved:", settings["theme"], settings["font"], settings["size"])
print("keys:", sorted(settings))
settings["font"] = "serif"
print("writes go to first map:", cli, defaults["font"])
child = settings.new_child({"theme": "contrast"})
print("child theme:", child["theme"], "parent theme:", child.parents["theme"])
print("maps:", len(child.maps), dict(child))
del child["theme"]
print("after del:", child["theme"])
try:
    del settings["theme"]
except KeyError as e:
    print("KeyError:", e)
