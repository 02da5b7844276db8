# expect-stderr: :7:5: error:
# expect-stderr: 'yield' outside function
# expect-exit: 1
numbers = []
for i in range(3):
    numbers.append(i)
    yield i
