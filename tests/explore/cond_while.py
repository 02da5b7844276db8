# The right way to wait: every schedule ends well.
import threading

items = []
cond = threading.Condition()


def consumer(out):
    with cond:
        while not items:
            cond.wait()
        out.append(items.pop())


def producer():
    for x in "ab":
        with cond:
            items.append(x)
            cond.notify()


got = []
cs = [threading.Thread(target=consumer, args=(got,)) for _ in range(2)]
for c in cs:
    c.start()
p = threading.Thread(target=producer)
p.start()
for c in cs:
    c.join()
p.join()
print(sorted(got))
