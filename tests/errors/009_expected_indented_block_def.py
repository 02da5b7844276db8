# expect-stderr: :8:1: error:
# expect-stderr: expected an indented block after function definition on line 7
# expect-exit: 1
def helper():
    return 1

def worker(n):
return n * 2
