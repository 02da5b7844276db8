# pow(base, exp, mod) with negative exponents: the modular inverse


def show(b, e, m):
    try:
        print(f"pow({b}, {e}, {m}) =", pow(b, e, m))
    except ValueError as ex:
        print(f"pow({b}, {e}, {m}):", type(ex).__name__, ex)


cases = [(3, -1, 7), (2, -1, 4), (38, -1, 97), (38, -1, -97), (-38, -1, 97),
         (5, -3, 13), (2, -1, 1), (2, -1, -1), (0, -1, 5), (7, 0, 5),
         (7, -2, -5), (10, 5, -7), (-10, 5, 7), (123456789, -1, 1000000007),
         (4, -1, 6), (1, -1, 2), (0, 0, 3), (0, -1, 1), (2, 10, 1000)]
for b, e, m in cases:
    show(b, e, m)

# the inverse really inverts
m = 1000000007
for b in [2, 3, 10, 999, 123456]:
    inv = pow(b, -1, m)
    print(b, inv, b * inv % m)

# a RSA-like round trip with small primes
p, q = 61, 53
n = p * q
phi = (p - 1) * (q - 1)
e = 17
d = pow(e, -1, phi)
print("d =", d)
for msg in [65, 1, 2000, 3232]:
    c = pow(msg, e, n)
    print(msg, c, pow(c, d, n))

try:
    pow(2, -1, 0)
except ValueError as ex:
    print(type(ex).__name__, ex)
try:
    pow(2.0, -1, 5)
except TypeError as ex:
    print(type(ex).__name__, ex)
