# expect-stderr: Traceback (most recent call last):
# expect-stderr: line 10, in <module>
# expect-stderr: ValueError: Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit
# expect-exit: 1
import math

for n in (100, 1000, 2000):
    # 2000! has 5736 digits: past CPython's default limit of 4300 for str()
    f = math.factorial(n)
    print(n, len(str(f)))
