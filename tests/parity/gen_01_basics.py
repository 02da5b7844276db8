def count(n):
    i = 0
    while i < n:
        yield i
        i += 1
    return "done"

for x in count(3):
    print(x)
print(list(count(4)), sum(count(5)))
g = count(2)
print(next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print("stop", e.value)

def echo():
    total = 0
    while True:
        v = yield total
        if v is None:
            break
        total += v
    return total

e = echo()
print(next(e), e.send(3), e.send(4))
try:
    e.send(None)
except StopIteration as s:
    print("final", s.value)

def outer():
    r = yield from count(3)
    print("inner returned", r)
    yield from [10, 20]
    x = yield "last"
    print("got", x)

o = outer()
print(list(o))
def deleg():
    res = yield from echo()
    print("echo total", res)
d = deleg()
next(d); d.send(5); d.send(6)
try:
    d.send(None)
except StopIteration:
    print("deleg done")

def fin():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")
f = fin()
print(next(f))
f.close()
print("closed")
def thrower():
    try:
        yield 1
    except ValueError as ex:
        print("caught", ex)
        yield 99
t = thrower()
next(t)
print(t.throw(ValueError("boom")))
print(type(t).__name__, t.__iter__() is t)
def gen_pipeline():
    nums = (i * i for i in range(10))
    evens = (n for n in nums if n % 2 == 0)
    return list(evens)
print(gen_pipeline())
