# expect-stderr: :7:9: error:
# expect-stderr: '[' was never closed
# expect-exit: 1
def make():
    return 1

items = [make(), 2,
         3, 4
