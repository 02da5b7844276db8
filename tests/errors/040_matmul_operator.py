# expect-stderr: :6:10: error:
# expect-stderr: the '@' operator is not supported by the simulator
# expect-exit: 1
a = 3
b = 4
c = 1 + (a @ b)
print(c)
