# range and slicing
print(list(range(5)), list(range(2, 8)), list(range(10, 0, -3)), list(range(0)))
print(list(range(-5, 5, 2)), list(range(5, 5)), list(range(5, 0)))
r = range(3, 20, 4)
print(r, len(r), r[0], r[-1], r[1:3], 7 in r, 8 in r)
print(range(10), range(1, 10, 2), range(0, -5, -1))
print(len(range(0, 100, 7)), sum(range(0, 100, 7)))
s = "abcdefghij"
print(s[2:5], s[:3], s[7:], s[-3:], s[:-3], s[::2], s[1::3], s[::-1])
print(s[-1], s[-10], s[5:2], s[100:], s[-100:3], s[::-2], s[8:2:-2])
L = list(range(10))
print(L[2:5], L[:0], L[-2:], L[::3], L[::-1], L[7:2:-1], L[-1:-4:-1])
print(L[3:3], L[9:100], L[-100:2])
L2 = L[:]
L2[2:5] = ["a", "b"]
print(L2)
L2[::2] = [0] * len(L2[::2])
print(L2)
del L2[::3]
print(L2)
t = tuple(range(8))
print(t[1:-1], t[::-1][:3], t[5:1:-1])
try:
    L[::0]
except ValueError as e:
    print(type(e).__name__, e)
try:
    L[::2] = [1, 2]
except ValueError as e:
    print(type(e).__name__, e)
try:
    print(s[50])
except IndexError as e:
    print(type(e).__name__, e)
try:
    range(5)[10]
except IndexError as e:
    print(type(e).__name__, e)
for i in range(3):
    for j in range(i, 3):
        print((i, j), end=" ")
print()
print(list(reversed(range(4))), list(range(4))[::-1])
print("hello"[1:4].upper(), "x"[0:0] == "")
matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print([row[1] for row in matrix], matrix[1][::-1], matrix[::-1][0])
print(range(0, 10, 2) == range(0, 9, 2), list(range(0, 10, 2)))
