# expect-stderr: Traceback (most recent call last):
# expect-stderr: line 10, in <module>
# expect-stderr: OverflowError: integer overflow: factorial(21) does not fit in 64 bits (the simulator's ints are 64-bit)
# expect-exit: 1
import math

for n in range(18, 22):
    # 21! is about 5.1e19, past 2**63 - 1: CPython grows the int, the
    # simulator stops
    print(n, math.factorial(n))
