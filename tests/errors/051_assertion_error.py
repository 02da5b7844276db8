# expect-stderr: Traceback (most recent call last):
# expect-stderr: line 6, in check
# expect-stderr: AssertionError: custom message
# expect-exit: 1
def check(balance):
    assert balance >= 0, "custom message"
    return balance

check(5)
check(-1)
