# expect-stderr: :4:28: error:
# expect-stderr: non-default argument follows default argument
# expect-exit: 1
def scale(value, factor=2, offset):
    return value * factor + offset
