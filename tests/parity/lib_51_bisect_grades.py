# bisect: grade boundaries, a sorted leaderboard and range counting
import bisect


def grade(score, breakpoints=(60, 70, 80, 90), grades="FDCBA"):
    return grades[bisect.bisect(breakpoints, score)]


print([grade(s) for s in (33, 99, 77, 70, 89, 90, 100, 60, 59)])

board = []
for name, pts in [("ann", 40), ("bob", 75), ("cy", 60), ("dee", 75), ("eve", 10)]:
    bisect.insort(board, (pts, name))
print("board:", board)
print("left/right of 75:", bisect.bisect_left([p for p, _ in board], 75), bisect.bisect_right([p for p, _ in board], 75))

values = [1, 3, 3, 3, 7, 9, 12]
print("count of 3:", bisect.bisect_right(values, 3) - bisect.bisect_left(values, 3))
print("in [4, 10]:", values[bisect.bisect_left(values, 4):bisect.bisect_right(values, 10)])
print("insert points:", [bisect.bisect_left(values, x) for x in (0, 3, 8, 13)])
print("lo/hi:", bisect.bisect_left(values, 3, lo=2), bisect.bisect_right(values, 3, 0, 2))


def index_of(a, x):
    i = bisect.bisect_left(a, x)
    if i != len(a) and a[i] == x:
        return i
    raise ValueError(f"{x} not found")


print("index_of 7:", index_of(values, 7))
try:
    index_of(values, 8)
except ValueError as e:
    print("ValueError:", e)

records = [("apple", 3), ("banana", 1), ("cherry", 7)]
records.sort(key=lambda r: r[1])
bisect.insort(records, ("date", 5), key=lambda r: r[1])
print("by key:", records)
print("key search:", bisect.bisect_left(records, 4, key=lambda r: r[1]))
desc = [90, 70, 50]
print("desc via negation:", bisect.bisect([-x for x in desc], -60))
