# __len__, __getitem__, __contains__, __iter__, __next__, __bool__
class Deck:
    def __init__(self, cards):
        self.cards = list(cards)
    def __len__(self):
        return len(self.cards)
    def __getitem__(self, i):
        return self.cards[i]
    def __iter__(self):
        return iter(self.cards)
    def __contains__(self, item):
        print(f"  (checking {item!r})")
        return item in self.cards
d = Deck(["A", "K", "Q", "J"])
print(len(d), d[0], d[-1], d[1:3])
print("Q" in d, "2" in d, "2" not in d)
print(bool(d), bool(Deck([])))
for card in d:
    print("card:", card)
print(list(d), sorted(d))
try:
    d[10]
except IndexError as e:
    print(type(e).__name__, e)
class Countdown:
    def __init__(self, start):
        self.current = start
    def __iter__(self):
        return self
    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        self.current -= 1
        return self.current + 1
print(list(Countdown(5)))
for n in Countdown(3):
    print("tick", n)
cd = Countdown(2)
print(next(cd), next(cd), next(cd, "done"))
print(sum(Countdown(10)), max(Countdown(4)), [x * 2 for x in Countdown(3)])
class Range2:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return Countdown(self.n)
r = Range2(3)
print(list(r), list(r), 2 in r, 7 in r)
class Flag:
    def __init__(self, on):
        self.on = on
    def __bool__(self):
        return self.on
print(bool(Flag(True)), bool(Flag(False)), "yes" if Flag(False) else "no")
print(not Flag(True), Flag(False) or "fallback", Flag(True) and "chained")
class Sized:
    def __len__(self):
        return 0
print(bool(Sized()), len(Sized()))
