# expect-stderr: :7:1: error:
# expect-stderr: 'function call' is an illegal expression for augmented assignment
# expect-exit: 1
def value():
    return 1

value() += 1
