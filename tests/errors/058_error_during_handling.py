# expect-stderr: Traceback (most recent call last):
# expect-stderr: line 15, in handler
# expect-stderr: During handling of the above exception, another exception occurred:
# expect-stderr: KeyError: 'a'
# expect-stderr: ZeroDivisionError: division by zero
# expect-exit: 1
def risky():
    return {}["a"]

def handler():
    try:
        risky()
    except KeyError:
        print("recovering")
        return 1 / 0

handler()
