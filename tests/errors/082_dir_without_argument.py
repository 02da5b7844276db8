# expect-stderr: :9:11: error:
# expect-stderr: dir() without an argument is not supported by the simulator (namespaces cannot be inspected)
# expect-exit: 1
class Config:
    debug = False


print(dir(Config)[-1])
print(len(dir()))
