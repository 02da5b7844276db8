# expect-stderr: :7:16: error:
# expect-stderr: positional argument follows keyword argument
# expect-exit: 1
def add(a, b):
    return a + b

print(add(a=1, 2))
