# Generator methods: send() for a running average, throw() to reset, close()
class Reset(Exception):
    pass


def averager():
    total = 0.0
    count = 0
    average = None
    try:
        while True:
            try:
                value = yield average
            except Reset:
                print("  averager: reset")
                total, count, average = 0.0, 0, None
                continue
            total += value
            count += 1
            average = total / count
    except GeneratorExit:
        print(f"  averager: closing after {count} values")
        raise
    finally:
        print("  averager: finally")


avg = averager()
print("primed:", next(avg))
for v in [10, 20, 30, 45]:
    print(f"send {v} ->", avg.send(v))
print("throw Reset ->", avg.throw(Reset))
print("send 7 ->", avg.send(7))
avg.close()
print("closed; close again is harmless")
avg.close()
try:
    avg.send(1)
except StopIteration:
    print("send after close: StopIteration")

fresh = averager()
try:
    fresh.send(5)
except TypeError as e:
    print("TypeError:", e)


def guarded():
    yield 1
    yield 2


g = guarded()
next(g)
try:
    g.throw(ValueError("bad input"))
except ValueError as e:
    print("propagated:", e)
print("after throw:", list(g))


def stubborn():
    try:
        yield "a"
    except GeneratorExit:
        yield "b"


s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print("RuntimeError:", e)
