# expect-stderr: .py:6:
# expect-stderr: error: unexpected indent
# expect-exit: 1
x = 1
y = 2
    z = x + y
print(z)
