# expect-stderr: .py:6:
# expect-stderr: unknown setting 'corez'
# expect-exit: 1
"""
title: Unknown key
corez: 4
Free description text.
"""
print("hi")
