# expect-stderr: :5:11: error:
# expect-stderr: bytes literals are not supported by the simulator
# expect-exit: 1
header = "abc"
payload = b"x"
print(header, payload)
