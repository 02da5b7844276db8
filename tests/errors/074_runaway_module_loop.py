# expect-stderr: max_ops
# expect-exit: 1
"""
title: Runaway loop
max_ops: 100000
"""
print("spinning")
while True:
    pass
