# expect-stderr: :5:7: error:
# expect-stderr: integer literal too large
# expect-exit: 1
small = 9223372036854775807
big = 9223372036854775808
print(small, big)
