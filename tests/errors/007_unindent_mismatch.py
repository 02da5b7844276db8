# expect-stderr: .py:8:
# expect-stderr: error: unindent does not match any outer indentation level
# expect-exit: 1
def compute(n):
        total = 0
        for i in range(n):
            total += i
    return total
