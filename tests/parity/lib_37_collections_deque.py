# collections.deque: a bounded history, a moving average, rotation and a work queue
from collections import deque

history = deque(maxlen=3)
for cmd in ["ls", "cd src", "make", "make test", "git status"]:
    history.append(cmd)
    print(f"after {cmd!r:<14} {list(history)}")
print("maxlen:", history.maxlen, repr(history))


def moving_average(values, n):
    window = deque(maxlen=n)
    total = 0
    for v in values:
        if len(window) == n:
            total -= window[0]
        window.append(v)
        total += v
        if len(window) == n:
            yield total / n


print("moving avg:", list(moving_average([40, 30, 50, 46, 39, 44], 3)))

ring = deque(range(1, 8))
ring.rotate(2)
print("rotate 2:", list(ring))
ring.rotate(-3)
print("rotate -3:", list(ring))
ring.appendleft(0)
ring.extendleft([-2, -1])
print("extendleft:", list(ring))
print("popleft/pop:", ring.popleft(), ring.pop(), list(ring))
print("index/count:", ring.index(3), ring.count(4), ring[0], ring[-1])
ring.remove(3)
ring.reverse()
print("reversed:", ring)

jobs = deque(["a", "b", "c"])
order = []
rounds = {"a": 2, "b": 1, "c": 3}
while jobs:
    job = jobs.popleft()
    rounds[job] -= 1
    order.append(job)
    if rounds[job]:
        jobs.append(job)
print("round robin:", "".join(order))
try:
    deque().pop()
except IndexError as e:
    print("IndexError:", e)
bounded = deque("abcdef", maxlen=4)
bounded.appendleft("z")
print(bounded, bounded == deque("zcde"))
