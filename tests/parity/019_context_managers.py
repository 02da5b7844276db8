# with statements and user context managers
class Tracker:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print(f"enter {self.name}")
        return self
    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            print(f"exit {self.name} cleanly")
        else:
            print(f"exit {self.name} with {exc_type.__name__}: {exc}")
        return False
class Suppress:
    def __init__(self, *kinds):
        self.kinds = kinds
    def __enter__(self):
        return "suppressor"
    def __exit__(self, exc_type, exc, tb):
        if exc_type is not None and issubclass(exc_type, self.kinds):
            print("suppressed", exc_type.__name__)
            return True
        return False
with Tracker("A") as t:
    print("inside", t.name)
try:
    with Tracker("B"):
        print("about to fail")
        raise ValueError("boom")
        print("not reached")
except ValueError as e:
    print("caught outside:", e)
with Suppress(KeyError, ZeroDivisionError) as s:
    print("value from enter:", s)
    x = 1 // 0
print("after suppressed block")
with Tracker("outer"), Tracker("inner"):
    print("two managers")
with Tracker("X") as a:
    with Tracker("Y") as b:
        print(a.name + b.name)
def use_in_function():
    with Tracker("func"):
        return "returned inside with"
print(use_in_function())
for i in range(3):
    with Tracker(f"loop{i}"):
        if i == 1:
            continue
        print("body", i)
try:
    with Suppress(KeyError):
        raise TypeError("not suppressed")
except TypeError as e:
    print("propagated:", e)
