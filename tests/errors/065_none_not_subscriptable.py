# expect-stderr: Traceback (most recent call last):
# expect-stderr: line 11, in <module>
# expect-stderr: TypeError: 'NoneType' object is not subscriptable
# expect-exit: 1
def get_list(flag):
    if flag:
        return [1, 2]

first = get_list(True)[0]
print(first)
second = get_list(False)[0]
