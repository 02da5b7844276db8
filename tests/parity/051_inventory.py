# Realistic: inventory management system
class OutOfStock(Exception):
    pass
class Item:
    def __init__(self, sku, name, price, qty=0, tags=()):
        self.sku, self.name, self.price, self.qty = sku, name, price, qty
        self.tags = list(tags)
    @property
    def value(self):
        return self.price * self.qty
    def __repr__(self):
        return f"Item({self.sku}, {self.name!r}, {self.price:.2f} x {self.qty})"
class Inventory:
    def __init__(self):
        self.items = {}
        self.log = []
    def add(self, item):
        if item.sku in self.items:
            self.items[item.sku].qty += item.qty
            self.log.append(f"restock {item.sku} +{item.qty}")
        else:
            self.items[item.sku] = item
            self.log.append(f"new {item.sku}")
    def sell(self, sku, n):
        item = self.items[sku]
        if item.qty < n:
            raise OutOfStock(f"{item.name}: wanted {n}, only {item.qty}")
        item.qty -= n
        self.log.append(f"sell {sku} -{n}")
        return round(item.price * n, 2)
    def __len__(self):
        return len(self.items)
    def __contains__(self, sku):
        return sku in self.items
    def report(self):
        print(f"{'SKU':<6}{'Name':<12}{'Price':>8}{'Qty':>5}{'Value':>10}")
        for it in sorted(self.items.values(), key=lambda i: (-i.value, i.sku)):
            print(f"{it.sku:<6}{it.name:<12}{it.price:>8.2f}{it.qty:>5}{it.value:>10.2f}")
        print(f"{'TOTAL':<31}{sum(i.value for i in self.items.values()):>10.2f}")
inv = Inventory()
inv.add(Item("A1", "widget", 2.50, 100, ["small", "metal"]))
inv.add(Item("B2", "gadget", 19.99, 7, ["electronic"]))
inv.add(Item("C3", "gizmo", 5.0, 0))
inv.add(Item("A1", "widget", 2.50, 20))
print(len(inv), "A1" in inv, "Z9" in inv)
revenue = 0
for sku, n in [("A1", 30), ("B2", 3), ("B2", 5), ("C3", 1), ("Q0", 1), ("A1", 60)]:
    try:
        got = inv.sell(sku, n)
        revenue += got
        print(f"sold {n} of {sku} for {got}")
    except OutOfStock as e:
        print("OutOfStock:", e)
    except KeyError as e:
        print("unknown sku", e)
print(f"revenue: {revenue:.2f}")
inv.report()
print([i for i in inv.items.values() if i.qty == 0])
print(inv.log)
