# Chained comparisons and ternary expressions
x = 5
print(1 < x < 10, 1 < x > 3, 10 > x >= 5, 0 <= x <= 4)
print(1 < 2 < 3 < 4, 1 < 3 < 2, 3 == 3 == 3, 3 == 3 != 4)
print(1 == 1.0 == True, "a" < "b" < "c", [1] < [2] < [3])
def calls(v, label):
    print(f"eval {label}")
    return v
print(calls(1, "a") < calls(2, "b") < calls(0, "c") < calls(5, "d"))
print(calls(5, "a") < calls(2, "b") < calls(9, "c"))
for score in [95, 85, 72, 65, 40, -1, 100, 101]:
    grade = "invalid" if not 0 <= score <= 100 else "A" if score >= 90 else "B" if score >= 80 else "C" if score >= 70 else "F"
    print(score, grade)
def sign(n):
    return "+" if n > 0 else "-" if n < 0 else "0"
print([sign(n) for n in (-3, 0, 7)])
vals = [4, -2, 0, 9]
print([v if v > 0 else 0 for v in vals])
print(max(vals) if vals else None, max([]) if [] else "empty")
a, b = 3, 7
smaller = a if a < b else b
print(smaller, (a if a > b else b), ("eq" if a == b else "ne"))
print("yes" if [] else "no", "yes" if [0] else "no", "yes" if 0.0 else "no")
print(1 if True else 1 / 0, (lambda q: "pos" if q > 0 else "nonpos")(-1))
print(x is not None is not False, None is None)
low, high = 10, 20
for v in (9, 10, 15, 20, 21):
    print(v, "in" if low <= v < high else "out")
print(-1 < 0 == False, (1 < 2) == True, 1 < 2 == True)
