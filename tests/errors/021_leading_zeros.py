# expect-stderr: :5:8: error:
# expect-stderr: leading zeros in decimal integer literals are not permitted
# expect-exit: 1
mode = 0o755
port = 0080
