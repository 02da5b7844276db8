# expect-stderr: :6:12: error:
# expect-stderr: '(' was never closed
# expect-exit: 1
values = [1, 2, 3]
print("computing")
total = sum(values
