# expect-stderr: :7:5: error:
# expect-stderr: cannot assign to function call
# expect-exit: 1
def key():
    return "k"

for key() in range(3):
    pass
