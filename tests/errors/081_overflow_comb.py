# expect-stderr: Traceback (most recent call last):
# expect-stderr: line 7, in <module>
# expect-stderr: OverflowError: integer overflow: comb(68, 34) does not fit in 64 bits (the simulator's ints are 64-bit)
# expect-exit: 1
import math

print(math.comb(66, 33), math.comb(68, 34))
