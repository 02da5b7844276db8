# expect-stderr: :5:8: error:
# expect-stderr: cannot assign to literal
# expect-exit: 1
pairs = [(1, 2), (3, 4)]
for a, 5 in pairs:
    print(a)
