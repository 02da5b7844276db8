# Dice and big random numbers: the stream and the errors of CPython's random
import random
random.seed(1)
print(random.randint(-2**63, 2**63 - 1), random.random())
random.seed(7)
print(random.randint(0, 2**63 - 1), random.randrange(-2**63, 2**63 - 1, 3), random.randint(1, 6))
for args in [(5, 5), (5, 1), (0, 10, -1), (5, 5, 2), (0,), (-3,)]:
    try:
        random.randrange(*args)
    except ValueError as e:
        print(args, e)
try:
    random.randint(5, 1)
except ValueError as e:
    print(e)
