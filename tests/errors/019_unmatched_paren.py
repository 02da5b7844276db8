# expect-stderr: :7:13: error:
# expect-stderr: unmatched ')'
# expect-exit: 1
def f(x):
    return x

y = f(1 + 2))
