# expect-stderr: :6:12: error:
# expect-stderr: 'input' is not supported by the simulator
# expect-exit: 1
name = "world"
if name:
    name = input()
print(name)
