# expect-stderr: :5:11: error:
# expect-stderr: bytes can only contain ASCII literal characters
# expect-exit: 1
header = "abc"
payload = b"café"
print(header, payload)
