# Results that used to stop at 64 bits: factorials, negation and abs of the
# smallest int64, binomials, and the int64 boundaries in every operator
import math

for n in range(18, 26):
    print(n, math.factorial(n))

smallest = -2**62 * 2
largest = 2**63 - 1


def flip(x):
    return -x


print(flip(5), flip(smallest), flip(flip(smallest)) == smallest)
values = [3, -7, smallest]
total = 0
for v in values:
    total += abs(v) % 10
print(total, abs(smallest), type(abs(smallest)).__name__)
print(math.comb(66, 33), math.comb(68, 34), math.comb(100, 3), math.comb(5, 7))
print(math.perm(25, 20), math.perm(10), math.perm(10, 0))

print(largest + 1, largest * 2, largest ** 2)
print(smallest - 1, smallest * -1, smallest // -1, smallest % -1)
print(smallest * smallest, -smallest, ~smallest, ~largest)
print(1 << 63, 1 << 64, -1 << 63, -1 << 64, largest << 1)
seven = 7
y = 2**64 + 7
print(largest + 1 - 1 == largest, y - 2**64 is seven)
print(sum([largest, 1, 1]), sum(range(2**62, 2**62 + 4)))
print(int("9223372036854775808"), int("-9223372036854775809"), int(1e19), int(-1e19))
x = largest
x += 1
print(x, type(x) is int, isinstance(x, int), x > largest, x - largest)
