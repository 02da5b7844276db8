# Two threads take from one shared iterator.
import threading

it = iter(range(4))
got = {"a": [], "b": []}


def take(name):
    for x in it:
        got[name].append(x)


ts = [threading.Thread(target=take, args=(n,)) for n in "ab"]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(got["a"] + got["b"]), len(got["a"]) > 0)
