# functools.lru_cache and cache: memoised recursion and cache statistics
from functools import lru_cache, cache

calls = 0


@lru_cache(maxsize=None)
def fib(n):
    global calls
    calls += 1
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print("fib(80) =", fib(80), "calls:", calls)
print(fib.cache_info())
print("fib(81) =", fib(81), "calls:", calls)
print(fib.cache_info())
fib.cache_clear()
print("after clear:", fib.cache_info())


@lru_cache(maxsize=3)
def lookup(key):
    print(f"  computing {key}")
    return key.upper()


for key in ["a", "b", "a", "c", "d", "a", "b"]:
    lookup(key)
info = lookup.cache_info()
print("hits", info.hits, "misses", info.misses, "maxsize", info.maxsize, "currsize", info.currsize)


@cache
def grid_paths(rows, cols):
    if rows == 0 or cols == 0:
        return 1
    return grid_paths(rows - 1, cols) + grid_paths(rows, cols - 1)


print("grid paths 16x16:", grid_paths(16, 16))
print(grid_paths.cache_info())


@lru_cache(maxsize=32, typed=True)
def describe(x):
    return f"{type(x).__name__}:{x}"


print(describe(1), describe(1.0), describe(True))
print(describe.cache_info())
try:
    describe([1, 2])
except TypeError as e:
    print("TypeError:", e)
print(fib.__name__, hasattr(fib, "__wrapped__"))
