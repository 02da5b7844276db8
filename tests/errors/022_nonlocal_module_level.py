# expect-stderr: :7:1: error:
# expect-stderr: nonlocal declaration not allowed at module level
# expect-exit: 1
def helper():
    return 1

nonlocal counter
counter = 0
