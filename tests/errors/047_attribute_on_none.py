# expect-stderr: Traceback (most recent call last):
# expect-stderr: line 11, in <module>
# expect-stderr: AttributeError: 'NoneType' object has no attribute 'x'
# expect-exit: 1
def find(items, target):
    for item in items:
        if item == target:
            return item

result = find([1, 2, 3], 7)
print(result.x)
