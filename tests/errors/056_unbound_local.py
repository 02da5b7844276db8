# expect-stderr: Traceback (most recent call last):
# expect-stderr: line 9, in bump
# expect-stderr: UnboundLocalError: cannot access local variable 'x' where it is not associated with a value
# expect-exit: 1
x = 10

def bump():
    print("bumping")
    x = x + 1
    return x

bump()
