# expect-stderr: Traceback (most recent call last):
# expect-stderr: line 9, in <module>
# expect-stderr: IndexError: cannot fit 'int' into an index-sized integer
# expect-exit: 1
slots = ["a", "b", "c"]
position = 2 ** 64 + 1
print(position % len(slots))
print(slots[position % len(slots)])
print(slots[position])
