# Generator-based coroutines: a push pipeline driven by send()
def coroutine(func):
    def start(*args, **kwargs):
        gen = func(*args, **kwargs)
        next(gen)
        return gen
    start.__name__ = func.__name__
    return start


@coroutine
def grep(pattern, target):
    print(f"grep looking for {pattern!r}")
    try:
        while True:
            line = yield
            if pattern in line:
                target.send(line)
    finally:
        print("grep closing")
        target.close()


@coroutine
def counter(target):
    n = 0
    try:
        while True:
            line = yield
            n += 1
            target.send(f"{n}: {line}")
    finally:
        print(f"counter saw {n} lines")
        target.close()


@coroutine
def printer():
    try:
        while True:
            line = yield
            print("  >", line)
    except GeneratorExit:
        print("printer done")


lines = [
    "python generators are lazy",
    "threads share memory",
    "a python coroutine receives values",
    "processes do not",
    "send pushes into python",
]
pipeline = grep("python", counter(printer()))
for line in lines:
    pipeline.send(line)
pipeline.close()
print(grep.__name__)
