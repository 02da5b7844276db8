# expect-stderr: max_ops
# expect-exit: 1
"""
title: Runaway function
max_ops: 100000
"""
def spin():
    count = 0
    while True:
        count += 1

spin()
