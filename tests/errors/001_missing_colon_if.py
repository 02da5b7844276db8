# expect-stderr: .py:5:
# expect-stderr: error: expected ':'
# expect-exit: 1
x = 5
if x > 3
    print("big")
