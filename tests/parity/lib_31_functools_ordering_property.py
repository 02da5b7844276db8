# functools.total_ordering and cached_property on a small version/report model
from functools import total_ordering, cached_property


@total_ordering
class Version:
    def __init__(self, text):
        self.parts = tuple(int(p) for p in text.split("."))

    def __eq__(self, other):
        return self.parts == other.parts

    def __lt__(self, other):
        return self.parts < other.parts

    def __repr__(self):
        return "Version(" + ".".join(map(str, self.parts)) + ")"


versions = [Version(v) for v in ["1.10.0", "1.2.0", "1.2", "0.9.9", "2.0.1"]]
print(sorted(versions))
a, b = Version("1.2.0"), Version("1.10")
print(a < b, a <= b, a > b, a >= b, a == Version("1.2.0"), a != b)
print(max(versions), min(versions))


class Report:
    def __init__(self, rows):
        self.rows = rows

    @cached_property
    def total(self):
        print("  (computing total)")
        return sum(r[1] for r in self.rows)

    @property
    def average(self):
        return self.total / len(self.rows)


r = Report([("north", 120), ("south", 80), ("east", 100)])
print("total:", r.total)
print("total again:", r.total)
print("average:", r.average)
print("in __dict__:", "total" in r.__dict__)
r.rows.append(("west", 300))
print("stale total:", r.total)
del r.total
print("recomputed:", r.total)
r.total = 5
print("assigned:", r.total)
