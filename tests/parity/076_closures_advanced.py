# Advanced closures: state machines, memo, partial application, late binding
def counter_factory(start=0, step=1):
    value = start
    def next_value():
        nonlocal value
        current = value
        value += step
        return current
    def reset():
        nonlocal value
        value = start
    return next_value, reset
nxt, reset = counter_factory(10, 5)
print([nxt() for _ in range(4)])
reset()
print(nxt(), nxt())
def partial(func, *fixed, **fixed_kw):
    def wrapper(*args, **kw):
        merged = dict(fixed_kw)
        merged.update(kw)
        return func(*fixed, *args, **merged)
    return wrapper
def volume(l, w, h, unit="cm"):
    return f"{l * w * h}{unit}3"
cube_base = partial(volume, 2, 3)
print(cube_base(4), cube_base(10, unit="m"), partial(volume, unit="in")(1, 2, 3))
def pipeline(*funcs):
    def run(x):
        for f in funcs:
            x = f(x)
        return x
    return run
clean = pipeline(lambda s: s.strip(), lambda s: s.lower(), lambda s: s.replace(" ", "_"))
print([clean(s) for s in ["  Hello World ", "ALREADY", " a b c "]])
print(pipeline()(42), pipeline(abs, str, len)(-12345))
def make_accumulators():
    accs = {}
    for name in ("sum", "max", "count"):
        def acc(x, name=name, state=[None]):
            if name == "sum":
                state[0] = (state[0] or 0) + x
            elif name == "max":
                state[0] = x if state[0] is None else max(state[0], x)
            else:
                state[0] = (state[0] or 0) + 1
            return state[0]
        accs[name] = acc
    return accs
accs = make_accumulators()
for v in [3, -1, 7, 2]:
    print(v, {k: f(v) for k, f in accs.items()})
def once(func):
    result = []
    def wrapper(*a):
        if not result:
            result.append(func(*a))
        return result[0]
    return wrapper
init = once(lambda x: print("initializing with", x) or x * 2)
print(init(5), init(100), init(0))
