# Two threads take from one generator.
import threading


def numbers():
    for i in range(3):
        yield i


g = numbers()
got = {"a": [], "b": []}


def take(name):
    for x in g:
        got[name].append(x)


ts = [threading.Thread(target=take, args=(n,)) for n in "ab"]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(len(got["a"]), len(got["b"]))
