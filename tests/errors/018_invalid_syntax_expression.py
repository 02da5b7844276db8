# expect-stderr: :5:10: error:
# expect-stderr: invalid syntax
# expect-exit: 1
a = 4
b = (a * ) + 1
