# expect-stderr: .py:8:
# expect-stderr: unknown setting 'threads'
# expect-exit: 1
"""

title: Leading blank lines
cores: 2
threads: 8
"""
print("hi")
