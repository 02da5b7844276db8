# time.sleep(0) between read and write: a switch the thread asks for.
import threading
import time

n = 0


def work():
    global n
    v = n
    time.sleep(0)
    n = v + 1


ts = [threading.Thread(target=work) for _ in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(n)
