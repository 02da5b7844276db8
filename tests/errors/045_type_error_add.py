# expect-stderr: Traceback (most recent call last):
# expect-stderr: line 6, in combine
# expect-stderr: TypeError: unsupported operand type(s) for +: 'int' and 'str'
# expect-exit: 1
def combine(a, b):
    return a + b

print(combine(1, 2))
print(combine(1, "two"))
