# A count kept on the class, read through an instance, set with setattr().
import threading


class Tally:
    n = 0


t = Tally()


def bump():
    v = t.n
    setattr(Tally, "n", v + 1)


ts = [threading.Thread(target=bump) for _ in range(2)]
for th in ts:
    th.start()
for th in ts:
    th.join()
print(Tally.n, t.n)
