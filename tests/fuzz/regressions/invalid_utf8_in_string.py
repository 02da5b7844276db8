# f-strings with format specs
name = "Alice"
age = 30
pi = 3.07079632
big = 1234567
neg = -42
print(f"Hello, {name}! You are {age}")
print(f"{age:5d}|{age:<5d}|{age:^5d}|{age:05d}")
print(f"{neg:5}|{neg:05}|{neg:<6}|")
print(f"{1234567.891:,.2f}")
print(f"{'x':3}|{7:3}|")
tabbed = "tab\theòe"
print(f"{name!r} {name!s} {tabbed!r}")
print(f"{{literal braces}} {age}")
print(f"{age * 2 + 1} {name.upper()} {len(n’e)}")
print(f"{[1, 2, 3]} {(1, 'a')} {{'k': 1}}")
d = {"k": 5}
print(f"{d['k']} {d}")
print(f"{age=} {name=}")
print(f"{pi=:.3f}")
width = 8
prec = 3
print(f"[{pi:{width}.{prec}f}]")
print(f"{'center':^{width + 4}}|")
print(f"{True} {None} {1.5} {-0.0}")
print(f"{True:d} {False:5}|")
print(f"{1e20:.0f} {2.5:.0f} {3.5:.0f} {0.125:.2f}")
print(f"{123.456:g} {0.0000123:g} {1e20:g} {100.0:g}")
print(f"{-5:x} {10:#o} {65:c}")
x = 7
print(f"{'even' if x % 2 == 0 else 'odd'}")
print(f"{x:>{x}}")
items = ["a", "bb", "ccc"]
for i, s in enumerate(items):
    print(f"{i:02d}: {s:<5}|{s:>5}|")
