# Two threads draw from the one random generator of the process.
import random
import threading

random.seed(7)
got = {}


def draw(name):
    got[name] = random.randint(1, 100)


ts = [threading.Thread(target=draw, args=(n,)) for n in "ab"]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(got.items()))
