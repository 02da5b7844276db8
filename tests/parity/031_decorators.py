# Decorators: functions that wrap functions
def shout(func):
    def wrapper(*args, **kwargs):
        result = func(*args, **kwargs)
        return result.upper() + "!"
    return wrapper
@shout
def greet(name):
    return "hello " + name
print(greet("world"), greet(""))
CALLS = []
def log_calls(func):
    calls = CALLS
    def wrapper(*args, **kwargs):
        calls.append(args)
        print(f"calling {func.__name__} with {args} {kwargs}")
        value = func(*args, **kwargs)
        print(f"{func.__name__} returned {value!r}")
        return value
    return wrapper
@log_calls
def add(a, b=0):
    return a + b
add(1, 2)
add(5, b=-5)
print("recorded:", CALLS)
def repeat(times):
    def decorator(func):
        def wrapper(*args):
            return [func(*args) for _ in range(times)]
        return wrapper
    return decorator
@repeat(3)
def ping(x):
    return f"ping-{x}"
print(ping(7))
CACHE = {}
def memoize(func):
    cache = CACHE
    def wrapper(n):
        if n not in cache:
            cache[n] = func(n)
        return cache[n]
    return wrapper
@memoize
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(50), len(CACHE))
def bold(f):
    return lambda: "<b>" + f() + "</b>"
def italic(f):
    return lambda: "<i>" + f() + "</i>"
@bold
@italic
def text():
    return "styled"
print(text())
