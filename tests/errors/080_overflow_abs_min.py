# expect-stderr: Traceback (most recent call last):
# expect-stderr: line 8, in <module>
# expect-stderr: OverflowError: integer overflow: abs(-9223372036854775808) does not fit in 64 bits (the simulator's ints are 64-bit)
# expect-exit: 1
values = [3, -7, -2**62 * 2]
total = 0
for v in values:
    total += abs(v) % 10
print(total)
