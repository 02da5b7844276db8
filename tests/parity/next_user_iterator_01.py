# next(it) and next(it, default) on a class with a Python __next__, one that sleeps (blocks) and one that raises
import threading, time
class Slow:
    def __init__(self): self.i = 0
    def __iter__(self): return self
    def __next__(self):
        time.sleep(0.01)
        self.i += 1
        if self.i > 3: raise StopIteration
        return self.i
s = Slow()
print(next(s), next(s), next(s, "d"))
try:
    next(s)
except StopIteration:
    print("stop")
print(next(s, "default"))
print(next(iter([1])), next(x for x in [5]))
class It:
    def __init__(self, n): self.n = n
    def __iter__(self): return self
    def __next__(self):
        if self.n <= 0: raise StopIteration
        self.n -= 1
        return self.n
def deep(it):
    return [next(it, "end") for _ in range(4)]
print(deep(It(2)))
it = It(1)
print(next(it, None), next(it, None), next(it, default_val) if (default_val := 7) else 0)
class Bad:
    def __next__(self): raise ValueError("boom")
try:
    next(Bad(), 1)
except ValueError as e:
    print("ValueError", e)
print(sorted([next(It(3), 0) for _ in range(3)]))
def gen():
    yield next(It(1), "x")
    yield next(It(0), "y")
print(list(gen()))
