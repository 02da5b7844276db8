# expect-stderr: Traceback (most recent call last):
# expect-stderr: line 7, in run
# expect-stderr: TypeError: 'int' object is not callable
# expect-exit: 1
def run():
    total = 5
    return total(2)

run()
