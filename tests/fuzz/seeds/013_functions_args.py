# Functions: defaults, keyword args, *args, **kwargs, keyword-only
def greet(name, greeting="Hello", punct="!"):
    return f"{greeting}, {name}{punct}"
print(greet("Ann"))
print(greet("Ben", "Hi"))
print(greet("Cy", punct="?"))
print(greet(greeting="Yo", name="Di"))
def total(*args):
    print("args:", args, type(args).__name__)
    return sum(args)
print(total(), total(1), total(1, 2, 3))
nums = [4, 5, 6]
print(total(*nums), total(0, *nums, 10))
def info(**kwargs):
    for k, v in kwargs.items():
        print(f"  {k} = {v!r}")
    return len(kwargs)
print(info(a=1, b="two", c=[3]))
print(info())
opts = {"x": 1, "y": 2}
print(info(**opts, z=3))
def mixed(a, b=2, *args, c, d=4, **kw):
    return (a, b, args, c, d, kw)
print(mixed(1, c=3))
print(mixed(1, 5, 6, 7, c=8, e=9))
print(mixed(a=0, c=0, d=0, f=0))
def kwonly(*, key, value=None):
    return f"{key}:{value}"
print(kwonly(key="k"), kwonly(value=1, key="j"))
def append_to(item, target=None):
    if target is None:
        target = []
    target.append(item)
    return target
print(append_to(1), append_to(2), append_to(3, [0]))
def shared(item, bucket=[]):
    bucket.append(item)
    return len(bucket)
print(shared("a"), shared("b"), shared("c"))
def no_return():
    pass
print(no_return(), (lambda: None)())
try:
    greet()
except TypeError as e:
    print(type(e).__name__, e)
try:
    kwonly("positional")
except TypeError as e:
    print(type(e).__name__, e)
try:
    greet("a", nam="b")
except TypeError as e:
    print(type(e).__name__, e)
