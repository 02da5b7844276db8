# Exceptions: ordering of finally, loops with exceptions, args
def step(n):
    try:
        print(f"step {n}: try")
        if n == 1:
            raise ValueError("one")
        if n == 2:
            return "early return"
        if n == 3:
            raise KeyError(n)
    except ValueError as e:
        print(f"step {n}: except ValueError {e}")
        return "from except"
    else:
        print(f"step {n}: else")
    finally:
        print(f"step {n}: finally")
    return "normal"
for n in range(4):
    try:
        print("->", step(n))
    except KeyError as e:
        print("-> escaped KeyError", e)
results = []
for v in ["10", "x", "0", "5", None, "2.5"]:
    try:
        results.append(100 // int(v))
    except ValueError as e:
        results.append("VE")
        print("ValueError:", e)
    except ZeroDivisionError as e:
        results.append("ZD")
        print("ZeroDivisionError:", e)
    except TypeError as e:
        results.append("TE")
        print("TypeError:", e)
print(results)
try:
    raise Exception("plain", 42)
except Exception as e:
    print(type(e).__name__, e, e.args, repr(e))
try:
    raise KeyError("k")
except LookupError as e:
    print("LookupError caught", type(e).__name__, repr(e), str(e))
try:
    raise ValueError()
except ValueError as e:
    print(repr(str(e)), e.args, repr(e))
count = 0
while True:
    try:
        count += 1
        if count < 3:
            continue
        break
    finally:
        print("finally in loop", count)
print("count", count)
