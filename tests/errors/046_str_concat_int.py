# expect-stderr: Traceback (most recent call last):
# expect-stderr: line 6, in <module>
# expect-stderr: TypeError: can only concatenate str (not "int") to str
# expect-exit: 1
count = 3
label = "items: " + count
print(label)
