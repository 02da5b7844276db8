# A counter in a closure's cell.
import threading


def make():
    n = 0

    def inc():
        nonlocal n
        v = n
        str(v)
        n = v + 1

    def get():
        return n
    return inc, get


inc, get = make()
ts = [threading.Thread(target=inc) for _ in range(2)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(get())
