# expect-stderr: .py:7:
# expect-stderr: bad value '10' for pipe_latency
# expect-exit: 1
"""
title: Pipe latency
cores: 2
pipe_latency: 10
"""
print("hi")
