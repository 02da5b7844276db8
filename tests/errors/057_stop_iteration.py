# expect-stderr: Traceback (most recent call last):
# expect-stderr: line 7, in <module>
# expect-stderr: StopIteration
# expect-exit: 1
it = iter([])
print("before")
value = next(it)
print(value)
