# Floor division and modulo with big and negative integers
big = 10**30 + 7
for a, b in [(big, 3), (-big, 3), (big, -3), (-big, -3), (7, 2), (-7, 2), (7, -2), (-7, -2)]:
    q, r = divmod(a, b)
    print(f"{a} // {b} = {a // b}, % = {a % b}, divmod = {(q, r)}, check = {q * b + r == a}")

x = 2**100 + 12345
y = 2**64 + 1
print("x // y =", x // y)
print("x % y =", x % y)
print("-x // y =", -x // y)
print("-x % y =", -x % y)
print("x / y =", x / y)
print("true div exact:", (10**40) / (10**20))
print("abs:", abs(-(2**90)))
print("neg zero:", -0, 0 == -0)
print("mixed sign product:", (-(2**70)) * (2**70))
print("round(big, -25):", round(123456789012345678901234567890, -25))
try:
    big // 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    big % 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)


def digits_of(n, base=10):
    out = []
    n = abs(n)
    while n:
        n, d = divmod(n, base)
        out.append(d)
    return out[::-1] or [0]


print("digits:", digits_of(2**64))
print("base 7:", digits_of(-(3**40), 7))
