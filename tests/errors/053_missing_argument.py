# expect-stderr: Traceback (most recent call last):
# expect-stderr: line 9, in <module>
# expect-stderr: TypeError: f() missing 1 required positional argument: 'b'
# expect-exit: 1
def f(a, b):
    return a + b

print(f(1, 2))
print(f(1))
