# expect-stderr: Traceback (most recent call last):
# expect-stderr: line 9, in <module>
# expect-stderr: TypeError: f() takes 2 positional arguments but 3 were given
# expect-exit: 1
def f(a, b):
    return a * b

print(f(2, 3))
f(1, 2, 3)
