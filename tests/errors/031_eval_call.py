# expect-stderr: :5:5: error:
# expect-stderr: 'eval' is not supported by the simulator
# expect-exit: 1
x = 2
y = eval("1") + x
print(y)
