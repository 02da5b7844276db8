# if/elif/else, while/for with else, break/continue
def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    else:
        return "large"
for v in [-5, 0, 3, 10, 99]:
    print(v, classify(v))
def find(items, target):
    for i, x in enumerate(items):
        if x == target:
            print("found", target, "at", i)
            break
    else:
        print(target, "not found")
find([1, 2, 3], 2)
find([1, 2, 3], 7)
find([], 1)
n = 0
while n < 5:
    n += 1
    if n == 2:
        continue
    print("n =", n)
else:
    print("while finished normally")
n = 10
while True:
    n -= 3
    if n < 0:
        print("break at", n)
        break
else:
    print("never printed")
for i in range(10):
    if i % 2:
        continue
    if i > 6:
        break
    print(i, end=",")
print()
for i in range(3):
    for j in range(3):
        if j == i:
            break
        print(f"({i},{j})", end=" ")
print()
x = 0
while x < 3:
    x += 1
else:
    print("x reached", x)
