# expect-stderr: .py:6:
# expect-stderr: bad value '5' for switch_interval
# expect-exit: 1
"""
title: Switch interval
switch_interval: 5
"""
x = 1
print(x)
