# Two threads fill one dict; one reads it while the other writes.
import threading

d = {}


def put(k):
    d[k] = len(d)


def snapshot(out):
    out.append(sorted(d.items()))


seen = []
ts = [threading.Thread(target=put, args=("a",)), threading.Thread(target=put, args=("b",)),
      threading.Thread(target=snapshot, args=(seen,))]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(seen, sorted(d.items()))
