# A loop calls a builtin; halfway through, a global of the same name
# appears (and later goes away), and builtins itself is changed: every
# call must see the name as Python resolves it at that moment.
import builtins


def shadow_len():
    global len
    len = lambda s: -1


def unshadow_len():
    global len
    del len


def measure(items):
    out = []
    for i, x in enumerate(items):
        if i == 2:
            shadow_len()
        if i == 4:
            unshadow_len()
        out.append(len(x))
    return out


print(measure(["a", "bb", "ccc", "dddd", "eeeee", "ffffff"]))


def total(values):
    return sum(abs(v) for v in values)


print(total([-1, 2, -3]))
original = builtins.abs
builtins.abs = lambda v: 100
print(total([-1, 2, -3]))
builtins.abs = original
print(total([-1, 2, -3]))


def later():
    return max(1, 2)


print(later())


def max(a, b):
    return "shadowed"


print(later())
del max
print(later())
