# expect-stderr: :4:16: error:
# expect-stderr: closing parenthesis ')' does not match opening parenthesis '['
# expect-exit: 1
data = [1, 2, 3)
