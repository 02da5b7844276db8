# Decorators with functools.wraps: timing-free call counters, retries, memo
import functools


def counted(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        wrapper.calls += 1
        return func(*args, **kwargs)
    wrapper.calls = 0
    return wrapper


def retry(times):
    def decorator(func):
        @functools.wraps(func)
        def wrapper(*args):
            for attempt in range(1, times + 1):
                try:
                    return func(*args)
                except ConnectionError as e:
                    print(f"  attempt {attempt} of {func.__name__} failed: {e}")
            raise ConnectionError(f"gave up after {times} attempts")
        return wrapper
    return decorator


def plain(func):
    def wrapper(*args):
        return func(*args)
    return wrapper


@counted
def greet(name, punctuation="!"):
    """Return a greeting."""
    return f"Hello, {name}{punctuation}"


failures = iter([True, True, False, True, True, True])


@retry(3)
def fetch(url):
    """Fetch a URL (simulated)."""
    if next(failures):
        raise ConnectionError("timeout")
    return f"content of {url}"


@plain
def undocumented():
    """This docstring is lost."""


print(greet("Ada"), greet("Linus", punctuation="?"))
print("calls:", greet.calls)
print("name/doc:", greet.__name__, "|", greet.__doc__)
print("wrapped:", greet.__wrapped__("direct"), "calls still", greet.calls)
print(fetch("/a"))
try:
    fetch("/b")
except ConnectionError as e:
    print("error:", e)
print("fetch:", fetch.__name__, "|", fetch.__doc__)
print("plain:", undocumented.__name__, "|", undocumented.__doc__)
print("qualname:", greet.__qualname__, fetch.__qualname__, undocumented.__qualname__)
