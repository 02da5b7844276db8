# expect-stderr: :7:9: error:
# expect-stderr: 'yield' is not supported by the simulator
# expect-exit: 1
def numbers(n):
    i = 0
    while i < n:
        yield i
        i += 1

for v in numbers(3):
    print(v)
