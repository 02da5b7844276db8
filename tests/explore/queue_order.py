# Two producers, one consumer: the order the items arrive in.
import queue
import threading

q = queue.Queue()


def produce(tag):
    for i in range(2):
        q.put(f"{tag}{i}")


ps = [threading.Thread(target=produce, args=(t,)) for t in "xy"]
for p in ps:
    p.start()
print([q.get() for _ in range(4)])
for p in ps:
    p.join()
