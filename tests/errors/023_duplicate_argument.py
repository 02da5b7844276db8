# expect-stderr: :4:15: error:
# expect-stderr: duplicate argument 'a' in function definition
# expect-exit: 1
def mix(a, b, a):
    return a + b
