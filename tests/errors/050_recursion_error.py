# expect-stderr: Traceback (most recent call last):
# expect-stderr: RecursionError: maximum recursion depth exceeded
# expect-exit: 1
def forever(n):
    return forever(n + 1)

print("going down")
forever(0)
