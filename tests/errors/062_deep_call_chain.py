# expect-stderr: Traceback (most recent call last):
# expect-stderr: line 7, in level3
# expect-stderr: ValueError: amount must be positive
# expect-exit: 1
def level3(n):
    if n < 0:
        raise ValueError("amount must be positive")
    return n

def level2(n):
    return level3(n - 5)

def level1(n):
    return level2(n) + 1

print(level1(10))
print(level1(2))
