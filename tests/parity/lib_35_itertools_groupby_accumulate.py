# itertools.groupby, accumulate and starmap on a day of sales
from itertools import groupby, accumulate, starmap
import operator

sales = [
    ("2024-03-01", "books", 12.5),
    ("2024-03-01", "games", 40.0),
    ("2024-03-01", "books", 7.5),
    ("2024-03-02", "music", 9.99),
    ("2024-03-02", "books", 20.0),
    ("2024-03-04", "games", 55.0),
]

for day, rows in groupby(sales, key=lambda r: r[0]):
    rows = list(rows)
    print(day, len(rows), "sales, total", round(sum(r[2] for r in rows), 2))

by_category = sorted(sales, key=operator.itemgetter(1))
for category, rows in groupby(by_category, key=operator.itemgetter(1)):
    print(f"{category:<6}", [r[2] for r in rows])

print("run lengths:", [(k, len(list(g))) for k, g in groupby("aaabccddddae")])
print("unsorted groups:", [k for k, _ in groupby([1, 1, 2, 1, 1, 3])])

amounts = [r[2] for r in sales]
print("running total:", [round(x, 2) for x in accumulate(amounts)])
print("running max:", list(accumulate([3, 1, 4, 1, 5, 9, 2, 6], max)))
print("running product:", list(accumulate(range(1, 8), operator.mul)))
print("with initial:", list(accumulate([1, 2, 3], initial=100)))
balance = list(accumulate([50, -20, -40, 100, -5], lambda bal, tx: bal + tx, initial=0))
print("balance history:", balance)

pairs = [(2, 5), (3, 2), (10, 3)]
print("starmap pow:", list(starmap(pow, pairs)))
print("starmap fmt:", list(starmap("{}x{}".format, pairs)))
print("line totals:", list(starmap(lambda q, p: q * p, [(3, 1.5), (2, 4.25), (10, 0.1)])))
