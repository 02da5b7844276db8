# expect-stderr: .py:4:
# expect-stderr: error: (unicode error) 'unicodeescape' codec can't decode bytes in position 3-6: truncated \uXXXX escape
# expect-exit: 1
name = "caf\u12"
print(name)
