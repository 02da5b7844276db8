# expect-stderr: .py:6:
# expect-stderr: bad value '0' for cores
# expect-exit: 1
"""
title: Example
cores: 0
Free description text.
"""
print("hi")
