# Recursion
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print([fib(i) for i in range(15)], fib(20))
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
print(fact(0), fact(1), fact(10), fact(20))
def hanoi(n, src, dst, via, moves):
    if n == 0:
        return
    hanoi(n - 1, src, via, dst, moves)
    moves.append((src, dst))
    hanoi(n - 1, via, dst, src, moves)
moves = []
hanoi(3, "A", "C", "B", moves)
print(len(moves), moves)
m4 = []
hanoi(10, "L", "R", "M", m4)
print(len(m4), m4[:3], m4[-1])
def perms(items):
    if len(items) <= 1:
        return [items[:]]
    out = []
    for i in range(len(items)):
        for p in perms(items[:i] + items[i + 1:]):
            out.append([items[i]] + p)
    return out
print(perms([1, 2, 3]), len(perms(list("abcd"))))
def flatten(x):
    if not isinstance(x, list):
        return [x]
    return [v for item in x for v in flatten(item)]
print(flatten([1, [2, [3, [4, []]]], [[5]], 6]))
def power_set(s):
    if not s:
        return [[]]
    rest = power_set(s[1:])
    return rest + [[s[0]] + r for r in rest]
print(power_set([1, 2, 3]))
def gcd(a, b):
    return a if b == 0 else gcd(b, a % b)
print(gcd(48, 18), gcd(17, 5), gcd(0, 9), gcd(1071, 462))
def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))
print(ackermann(2, 3), ackermann(3, 3))
def depth(x):
    return 1 + max((depth(v) for v in x), default=0) if isinstance(x, (list, tuple)) else 0
print(depth(5), depth([]), depth([1, [2, (3, [])]]))
def count_down(n):
    if n < 0:
        return "liftoff"
    print(n, end=" ")
    return count_down(n - 1)
print(count_down(5))
