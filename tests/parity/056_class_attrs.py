# Class attributes vs instance attributes, shared mutable state
class Widget:
    kind = "generic"
    registry = []
    total = 0
    def __init__(self, name):
        self.name = name
        Widget.total += 1
        self.registry.append(name)
        self.serial = Widget.total
    def rename(self, new):
        old, self.name = self.name, new
        return old
w1 = Widget("alpha")
w2 = Widget("beta")
print(w1.name, w1.serial, w2.name, w2.serial, Widget.total)
print(Widget.registry, w1.registry is w2.registry)
w1.kind = "special"
print(w1.kind, w2.kind, Widget.kind)
Widget.kind = "updated"
print(w1.kind, w2.kind, Widget.kind)
del w1.kind
print(w1.kind)
print(w1.rename("gamma"), w1.name)
class Sub(Widget):
    kind = "sub"
    def __init__(self, name, extra):
        super().__init__(name)
        self.extra = extra
s = Sub("delta", 99)
print(s.kind, s.extra, s.serial, Widget.total, Sub.total, Sub.registry)
Sub.total = 100
print(Widget.total, Sub.total, s.total)
class Config:
    defaults = {"color": "red", "size": 1}
    def __init__(self, **overrides):
        self.settings = dict(self.defaults)
        self.settings.update(overrides)
    def get(self, key):
        return self.settings.get(key, "?")
c1 = Config(size=5)
c2 = Config(color="blue", shape="round")
print(c1.settings, c2.settings, Config.defaults)
print(c1.get("size"), c2.get("size"), c2.get("shape"), c1.get("shape"))
class Counter:
    count = 0
    def inc(self):
        self.count += 1
        return self.count
a, b = Counter(), Counter()
print(a.inc(), a.inc(), b.inc(), Counter.count, a.count, b.count)
print(hasattr(Widget, "name"), hasattr(w1, "name"), hasattr(Widget, "rename"))
print([getattr(s, k) for k in ("name", "serial", "extra", "kind")])
