# Iterating a dict while another thread adds to it.
import threading

d = {"a": 1, "b": 2}


def reader():
    total = 0
    for k in d:
        total += d[k]
    print("total", total)


def writer():
    d["c"] = 3


ts = [threading.Thread(target=reader), threading.Thread(target=writer)]
for t in ts:
    t.start()
for t in ts:
    t.join()
