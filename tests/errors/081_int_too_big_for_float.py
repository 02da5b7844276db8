# expect-stderr: Traceback (most recent call last):
# expect-stderr: line 9, in average
# expect-stderr: OverflowError: int too large to convert to float
# expect-exit: 1
def average(values):
    total = sum(values)
    # ints grow without limit, but a float stops near 1.8e308: CPython
    # refuses to round a bigger int to infinity
    return float(total) / len(values)


print(average([2 ** 1000, 2 ** 1001]))
print(average([2 ** 1100, 3]))
