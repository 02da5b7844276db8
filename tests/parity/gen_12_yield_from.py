# yield from: delegation, return values from subgenerators, flattening trees
def read_chunk(name, lines):
    count = 0
    for line in lines:
        yield f"{name}: {line}"
        count += 1
    return count


def read_all(files):
    totals = {}
    for name, lines in files:
        n = yield from read_chunk(name, lines)
        totals[name] = n
    return totals


files = [("a.txt", ["alpha", "beta"]), ("b.txt", ["gamma"]), ("c.txt", [])]
gen = read_all(files)
while True:
    try:
        print(next(gen))
    except StopIteration as stop:
        print("totals:", stop.value)
        break


def flatten(tree):
    for item in tree:
        if isinstance(item, list):
            yield from flatten(item)
        else:
            yield item


print(list(flatten([1, [2, [3, 4], 5], [[6]], 7])))


def chain_all(*iterables):
    for it in iterables:
        yield from it


print(list(chain_all("ab", range(3), (x * 10 for x in range(2)))))


def inner():
    got = yield "inner ready"
    print("inner got", got)
    got = yield "inner again"
    print("inner got", got)
    return "inner done"


def outer():
    result = yield from inner()
    print("outer sees", result)
    yield "outer tail"


g = outer()
print(next(g))
print(g.send("x"))
print(g.send("y"))
