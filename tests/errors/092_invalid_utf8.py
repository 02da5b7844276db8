# expect-exit: 1
# expect-stderr: tests/errors/092_invalid_utf8.py:4:12: error: Non-UTF-8 code starting with '\xe9' on line 4, but no encoding declared
"""A string with a Latin-1 byte."""
name = "café"
print(name)
