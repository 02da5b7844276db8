# expect-stderr: :5:9: error:
# expect-stderr: complex numbers are not supported by the simulator
# expect-exit: 1
a = 2
z = a + 3j
print(z)
