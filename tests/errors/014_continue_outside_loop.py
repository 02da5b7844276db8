# expect-stderr: :6:9: error:
# expect-stderr: 'continue' not properly in loop
# expect-exit: 1
def f(x):
    if x:
        continue
    return x
