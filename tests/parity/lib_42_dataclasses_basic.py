# dataclasses: an inventory item with defaults, default_factory, repr, eq, post_init
from dataclasses import dataclass, field, fields


@dataclass
class Item:
    name: str
    price: float
    quantity: int = 0
    tags: list = field(default_factory=list)
    sku: str = field(default="", repr=False)

    def __post_init__(self):
        if not self.sku:
            self.sku = self.name[:3].upper() + str(len(self.name))

    @property
    def value(self):
        return self.price * self.quantity


@dataclass
class Inventory:
    items: list = field(default_factory=list)
    counter: int = field(default=0, compare=False)

    def add(self, item):
        self.items.append(item)
        self.counter += 1

    def total(self):
        return sum(i.value for i in self.items)


pen = Item("pen", 1.5, 10)
book = Item("book", 12.0, 2, ["paper"])
cup = Item("cup", 4.25)
print(pen)
print(book)
print(cup, cup.sku)
pen.tags.append("office")
print("tags not shared:", pen.tags, cup.tags)
print("eq:", Item("pen", 1.5, 10) == Item("pen", 1.5, 10, ["office"]), Item("a", 1) == Item("a", 1))
inv = Inventory()
for it in (pen, book, cup):
    inv.add(it)
print("total value:", inv.total(), "count:", inv.counter)
print("field names:", [f.name for f in fields(Item)])
print("defaults:", [(f.name, f.default) for f in fields(Item) if f.name in ("quantity", "sku")])
print("inventory eq ignores counter:", Inventory([cup]) == Inventory([Item("cup", 4.25)], counter=9))
try:
    Item("x")
except TypeError as e:
    print("TypeError:", e)
try:
    @dataclass
    class Bad:
        items: list = []
except ValueError as e:
    print("ValueError:", e)
