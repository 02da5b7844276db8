# contextlib.contextmanager: setup/teardown around a yield, exceptions inside
from contextlib import contextmanager

indent_level = 0


@contextmanager
def section(title):
    global indent_level
    print("  " * indent_level + f"<{title}>")
    indent_level += 1
    try:
        yield title.upper()
    finally:
        indent_level -= 1
        print("  " * indent_level + f"</{title}>")


@contextmanager
def transaction(accounts):
    snapshot = dict(accounts)
    try:
        yield accounts
        print("commit", sorted(accounts.items()))
    except ValueError as e:
        accounts.clear()
        accounts.update(snapshot)
        print("rollback:", e)


def say(text):
    print("  " * indent_level + text)


with section("html") as tag:
    say(f"tag is {tag}")
    with section("body"):
        say("hello")

accounts = {"alice": 100, "bob": 50}
with transaction(accounts) as acc:
    acc["alice"] -= 30
    acc["bob"] += 30
with transaction(accounts) as acc:
    acc["alice"] -= 500
    if acc["alice"] < 0:
        raise ValueError("insufficient funds")
print("after:", sorted(accounts.items()))

try:
    with section("risky"):
        say("about to fail")
        raise KeyError("missing")
except KeyError as e:
    print("caught outside:", repr(e))


@contextmanager
def no_yield():
    if False:
        yield


try:
    with no_yield():
        pass
except RuntimeError as e:
    print("RuntimeError:", e)
