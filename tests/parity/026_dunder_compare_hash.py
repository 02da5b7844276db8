# __eq__, __lt__, __hash__ and sorting custom objects
class Version:
    def __init__(self, text):
        self.parts = tuple(int(p) for p in text.split("."))
    def __eq__(self, other):
        if not isinstance(other, Version):
            return NotImplemented
        return self.parts == other.parts
    def __lt__(self, other):
        return self.parts < other.parts
    def __hash__(self):
        return hash(self.parts)
    def __repr__(self):
        return "v" + ".".join(str(p) for p in self.parts)

vs = [Version(s) for s in ["1.10.0", "1.2.3", "1.2.10", "0.9", "1.2.3"]]
print(vs)
print(sorted(vs))
print(sorted(vs, reverse=True))
print(min(vs), max(vs))
print(Version("1.0") == Version("1.0"), Version("1.0") != Version("1.1"))
print(Version("1.0") < Version("1.0.1"), Version("2.0") > Version("1.9"))
print(Version("1.0") == "1.0", Version("1.0") != "1.0")
unique = []
for v in vs:
    if v not in unique:
        unique.append(v)
print(unique, vs.count(Version("1.2.3")), vs.index(Version("0.9")))
lookup = {Version("1.2.3"): "stable", Version("2.0"): "beta"}
print(lookup[Version("1.2.3")], Version("2.0") in lookup, Version("3.0") in lookup)
print(len({Version("1.0"), Version("1.0"), Version("1.1")}))

class Plain:
    pass

p = Plain()
q = Plain()
print(p == p, p == q, p != q, p is p, p is q)

class Card:
    order = "23456789TJQKA"
    def __init__(self, rank, suit):
        self.rank, self.suit = rank, suit
    def __eq__(self, other):
        return self.rank == other.rank
    def __lt__(self, other):
        return Card.order.index(self.rank) < Card.order.index(other.rank)
    def __repr__(self):
        return self.rank + self.suit

hand = [Card("K", "h"), Card("3", "s"), Card("A", "d"), Card("T", "c"), Card("3", "h")]
print(sorted(hand), max(hand), min(hand))
print(Card("Q", "s") == Card("Q", "d"), Card("2", "s") < Card("3", "s"))
try:
    print(Card("2", "s") <= Card("3", "s"))
except TypeError as e:
    print(type(e).__name__, e)
