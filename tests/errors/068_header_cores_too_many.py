# expect-stderr: .py:7:
# expect-stderr: bad value '65' for cores
# expect-exit: 1
"""
title: Too many cores
gil: off
cores: 65
"""
print("hi")
