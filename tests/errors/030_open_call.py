# expect-stderr: :5:12: error:
# expect-stderr: 'open' is not supported by the simulator
# expect-exit: 1
def load(path):
    data = open(path).read()
    return data

print(load("f"))
