# expect-stderr: Traceback (most recent call last):
# expect-stderr: line 7, in <module>
# expect-stderr: IndexError: pop from empty list
# expect-exit: 1
stack = [1]
print(stack.pop())
print(stack.pop())
