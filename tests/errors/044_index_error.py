# expect-stderr: Traceback (most recent call last):
# expect-stderr: line 6, in third
# expect-stderr: IndexError: list index out of range
# expect-exit: 1
def third(items):
    return items[2]

print(third([1, 2, 3]))
print(third([1, 2]))
