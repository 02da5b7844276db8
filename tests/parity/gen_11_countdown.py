# Generators: yield, next(), StopIteration, exhausted generators, return value
def countdown(n):
    print(f"  starting countdown from {n}")
    while n > 0:
        yield n
        n -= 1
    print("  countdown finished")
    return "liftoff"


gen = countdown(3)
print(type(gen).__name__)
print("first:", next(gen))
print("second:", next(gen))
print("third:", next(gen))
try:
    next(gen)
except StopIteration as e:
    print("StopIteration value:", e.value)
try:
    next(gen)
except StopIteration as e:
    print("again, value:", e.value)

print("list:", list(countdown(4)))
print("sum:", sum(countdown(10)))
print("default next:", next(countdown(0), "empty"))


def squares_until(limit):
    i = 0
    while True:
        sq = i * i
        if sq > limit:
            return
        yield sq
        i += 1


for sq in squares_until(50):
    print(sq, end=" ")
print()

evens = (x for x in range(10) if x % 2 == 0)
print("genexpr first:", next(evens))
print("rest:", list(evens))
print("after exhaustion:", list(evens))

it = iter(countdown(2))
print("iter(gen) is gen:", it is iter(it))
