# expect-stderr: .py:7:
# expect-stderr: bad value 'thread' for start_method
# expect-exit: 1
"""
title: Start method
cores: 4
start_method: thread
"""
print("hi")
