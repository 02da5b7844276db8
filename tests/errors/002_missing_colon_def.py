# expect-stderr: .py:4:
# expect-stderr: error: expected ':'
# expect-exit: 1
def area(w, h)
    return w * h

print(area(2, 3))
