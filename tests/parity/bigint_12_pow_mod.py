# Big integer powers and modular arithmetic: a toy RSA key
print("2**200 =", 2**200)
print("3**100 =", 3**100)
print("(-7)**33 =", (-7) ** 33)
print("10**30 =", 10**30)
print("2**-2 =", 2**-2)
print("pow(2, 1000) digits:", len(str(pow(2, 1000))))

# toy RSA with small primes (deterministic)
p, q = 1_000_003, 1_000_033
n = p * q
phi = (p - 1) * (q - 1)
e = 65537
d = pow(e, -1, phi)
print("n =", n, "d =", d)
print("e*d % phi =", e * d % phi)
message = 424242
cipher = pow(message, e, n)
print("cipher =", cipher)
print("decrypted =", pow(cipher, d, n))

# bigger modulus
M = 2**127 - 1
print("2**127-1 =", M)
print("pow(3, M-1, M) =", pow(3, M - 1, M))
print("pow(123456789, 10**20, M) =", pow(123456789, 10**20, M))
print("pow(-5, 3, 7) =", pow(-5, 3, 7))
print("pow(5, -1, 7) =", pow(5, -1, 7))
try:
    pow(6, -1, 9)
except ValueError as err:
    print("ValueError:", err)


def fast_fib_mod(n, m):
    def mul(a, b):
        return [[(a[0][0] * b[0][0] + a[0][1] * b[1][0]) % m, (a[0][0] * b[0][1] + a[0][1] * b[1][1]) % m],
                [(a[1][0] * b[0][0] + a[1][1] * b[1][0]) % m, (a[1][0] * b[0][1] + a[1][1] * b[1][1]) % m]]
    result = [[1, 0], [0, 1]]
    base = [[1, 1], [1, 0]]
    while n:
        if n & 1:
            result = mul(result, base)
        base = mul(base, base)
        n >>= 1
    return result[0][1]


print("fib(10**18) mod 10**9+7 =", fast_fib_mod(10**18, 10**9 + 7))
