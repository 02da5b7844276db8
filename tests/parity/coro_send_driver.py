class Trap:
    def __init__(self, what):
        self.what = what
    def __await__(self):
        result = yield self
        return result

async def inner(x):
    got = await Trap(("double", x))
    return got + 1

async def task(name):
    total = 0
    for i in range(3):
        total += await inner(i)
        print(name, "step", i, total)
    try:
        await Trap(("fail",))
    except ValueError as e:
        print(name, "caught", e)
    return name.upper()

def run(coros):
    ready = [(c, None, None) for c in coros]
    results = []
    while ready:
        coro, val, exc = ready.pop(0)
        try:
            trap = coro.throw(exc) if exc else coro.send(val)
        except StopIteration as s:
            results.append(s.value)
            continue
        op = trap.what
        if op[0] == "double":
            ready.append((coro, op[1] * 2, None))
        else:
            ready.append((coro, None, ValueError("bad op")))
    return results

print(run([task("a"), task("b")]))
c = task("z")
print(type(c).__name__)
c.close()
