# expect-stderr: Traceback (most recent call last):
# expect-stderr: line 9, in flip
# expect-stderr: OverflowError: integer overflow: -(-9223372036854775808) does not fit in 64 bits (the simulator's ints are 64-bit)
# expect-exit: 1
smallest = -2**62 * 2


def flip(x):
    return -x


print(flip(5))
print(flip(smallest))
