# contextlib: suppress, ExitStack, nullcontext, closing and a class-based manager
from contextlib import suppress, ExitStack, nullcontext, closing


class Resource:
    def __init__(self, name, fail_on_enter=False):
        self.name = name
        self.fail_on_enter = fail_on_enter

    def __enter__(self):
        if self.fail_on_enter:
            raise RuntimeError(f"cannot open {self.name}")
        print(f"open {self.name}")
        return self

    def __exit__(self, exc_type, exc, tb):
        print(f"close {self.name} (error: {exc_type.__name__ if exc_type else None})")
        return False


class Connection:
    def __init__(self, host):
        self.host = host

    def close(self):
        print(f"connection to {self.host} closed")


data = {"a": 1}
with suppress(KeyError):
    print(data["b"])
print("KeyError suppressed")
with suppress(ValueError, TypeError):
    int("nope")
print("ValueError suppressed")

with ExitStack() as stack:
    files = [stack.enter_context(Resource(f"file{i}")) for i in range(3)]
    stack.callback(print, "callback registered last runs first")
    print("using", [f.name for f in files])

with ExitStack() as stack:
    try:
        for name in ("db", "cache", "queue"):
            stack.enter_context(Resource(name, fail_on_enter=(name == "queue")))
    except RuntimeError as e:
        print("setup failed:", e)

with ExitStack() as outer:
    outer.enter_context(Resource("kept"))
    moved = outer.pop_all()
print("outer exited; moved stack still holds 'kept'")
moved.close()


def process(lock=None):
    with lock if lock is not None else nullcontext("no lock") as token:
        print("processing with", token if isinstance(token, str) else token.name)


process()
process(Resource("lock"))
with nullcontext() as nothing:
    print("nullcontext gives", nothing)
with closing(Connection("db.local")) as conn:
    print("talking to", conn.host)
try:
    with Resource("outer"), Resource("inner"):
        raise ValueError("boom")
except ValueError as e:
    print("propagated", e)
