# Big integers: factorials and Fibonacci numbers far past 64 bits
def factorial(n):
    result = 1
    for k in range(2, n + 1):
        result *= k
    return result


def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


for n in (20, 21, 25, 30, 50):
    print(f"{n}! = {factorial(n)}")
f100 = factorial(100)
print("100! has", len(str(f100)), "digits")
print("trailing zeros of 100!:", len(str(f100)) - len(str(f100).rstrip("0")))
print("digit sum of 100!:", sum(int(d) for d in str(f100)))
print("1000! digits:", len(str(factorial(1000))))

for n in (90, 93, 94, 100, 200):
    print(f"fib({n}) = {fib(n)}")
print("fib(1000) has", len(str(fib(1000))), "digits, ends with", str(fib(1000))[-10:])

big = factorial(30)
print("30! // 29! =", big // factorial(29))
print("30! % 1_000_007 =", big % 1_000_007)
print("30! as float:", float(big))
print("ratio:", factorial(52) // (factorial(5) * factorial(47)))
print("is 2**64 - 1 prime-ish (div by 3):", (2**64 - 1) % 3 == 0)
print("max int64 + 1:", 9223372036854775807 + 1)
print("min int64 - 1:", -9223372036854775808 - 1)
print("int64 overflow product:", 4294967296 * 4294967296)
print("negated:", -(2**63))
