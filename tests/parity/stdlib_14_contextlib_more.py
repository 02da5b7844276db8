# contextlib: a lock-guarded section as a @contextmanager used from
# threads, ContextDecorator, ExitStack unwinding with errors, suppress,
# redirect_stderr, AsyncExitStack with async context managers
import asyncio
import io
import sys
import threading
from contextlib import contextmanager, asynccontextmanager, ExitStack, AsyncExitStack, suppress, redirect_stderr, ContextDecorator, closing

lock = threading.Lock()
log = []


@contextmanager
def guarded(name):
    with lock:
        log.append(f"enter {name}")
        try:
            yield name.upper()
        finally:
            log.append(f"exit {name}")


def worker(n):
    for i in range(2):
        with guarded(f"w{n}.{i}") as tag:
            log.append(tag)


threads = [threading.Thread(target=worker, args=(n,)) for n in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(len(log), sorted(log)[:4])


class timed(ContextDecorator):
    def __init__(self, label):
        self.label = label

    def __enter__(self):
        print(f"start {self.label}")
        return self

    def __exit__(self, *exc):
        print(f"end {self.label} ({exc[0].__name__ if exc[0] else 'ok'})")
        return False


@timed("job")
def job(x):
    return x * 2


print(job(21))


class Res:
    def __init__(self, name, fail=False):
        self.name, self.fail = name, fail

    def __enter__(self):
        print("open", self.name)
        return self

    def __exit__(self, et, ev, tb):
        print("close", self.name, et.__name__ if et else None)
        if self.fail:
            raise RuntimeError(f"close failed: {self.name}")
        return False


try:
    with ExitStack() as stack:
        stack.enter_context(Res("a"))
        stack.enter_context(Res("b", fail=True))
        stack.callback(print, "callback")
        raise KeyError("body")
except RuntimeError as e:
    print("raised:", e, "context:", repr(e.__context__))
with ExitStack() as stack:
    stack.push(lambda *exc: print("push saw", exc[0].__name__) or True)
    raise ValueError("swallowed by push")
print("after ExitStack")
with suppress(ZeroDivisionError):
    1 / 0
err = io.StringIO()
with redirect_stderr(err):
    print("to stderr", file=sys.stderr)
print("captured:", repr(err.getvalue()))


class Conn:
    def close(self):
        print("conn closed")


with closing(Conn()):
    print("using conn")


@asynccontextmanager
async def session(name):
    print("connect", name)
    try:
        yield name
    finally:
        await asyncio.sleep(0)
        print("disconnect", name)


async def main():
    async with AsyncExitStack() as stack:
        a = await stack.enter_async_context(session("db"))
        b = await stack.enter_async_context(session("cache"))
        stack.push_async_callback(asyncio.sleep, 0)
        print("using", a, b)
    try:
        async with session("flaky"):
            raise ConnectionError("lost")
    except ConnectionError as e:
        print("error:", e)


asyncio.run(main())
