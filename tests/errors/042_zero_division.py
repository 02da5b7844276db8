# expect-stderr: Traceback (most recent call last):
# expect-stderr: line 6, in divide
# expect-stderr: ZeroDivisionError: division by zero
# expect-exit: 1
def divide(a, b):
    return a / b

print("start")
for d in [2, 1, 0]:
    print(divide(10, d))
