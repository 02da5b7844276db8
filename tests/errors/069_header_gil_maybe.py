# expect-stderr: .py:7:
# expect-stderr: bad value 'maybe' for gil
# expect-exit: 1
"""
title: GIL
cores: 2
gil: maybe

Some description.
"""
print("hi")
