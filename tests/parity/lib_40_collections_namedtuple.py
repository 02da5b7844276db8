# collections.namedtuple: records for a small order book
from collections import namedtuple

Order = namedtuple("Order", ["id", "side", "price", "qty"])
Point = namedtuple("Point", "x y", defaults=[0])

book = [
    Order(1, "buy", 99.5, 10),
    Order(2, "sell", 101.0, 5),
    Order(3, "buy", 100.0, 7),
    Order(4, "sell", 100.5, 3),
]
print(book[0])
print("fields:", Order._fields)
bids = sorted((o for o in book if o.side == "buy"), key=lambda o: -o.price)
asks = sorted((o for o in book if o.side == "sell"), key=lambda o: o.price)
print("best bid:", bids[0].price, "best ask:", asks[0].price, "spread:", asks[0].price - bids[0].price)
filled = bids[0]._replace(qty=0)
print("filled:", filled, "original qty:", bids[0].qty)
print("as dict:", book[1]._asdict())
print("from list:", Order._make([5, "buy", 98.0, 1]))
oid, side, price, qty = book[3]
print("unpacked:", oid, side, price, qty)
print("index/len:", book[2][2], len(book[2]), book[2].count(7))
print("tuple eq:", Order(1, "buy", 99.5, 10) == (1, "buy", 99.5, 10))
print("point defaults:", Point(3), Point(1, 2), Point._field_defaults)
try:
    book[0].qty = 1
except AttributeError as e:
    print("AttributeError:", e)
try:
    Order(1, "buy")
except TypeError as e:
    print("TypeError:", e)


class Money(namedtuple("Money", "amount currency")):
    __slots__ = ()

    def __str__(self):
        return f"{self.amount:.2f} {self.currency}"

    def __add__(self, other):
        return Money(self.amount + other.amount, self.currency)


print(Money(3, "EUR") + Money(4.5, "EUR"), repr(Money(1, "USD")))
