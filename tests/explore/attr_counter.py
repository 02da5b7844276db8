# A counter in an object's attribute, a method call between read and write.
import threading


class Box:
    def __init__(self):
        self.n = 0

    def bump(self):
        v = self.n
        self.n = v + len("x")


box = Box()
ts = [threading.Thread(target=box.bump) for _ in range(2)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(box.n)
