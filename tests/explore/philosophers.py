# Three philosophers, each takes the left fork, then the right: a deadlock
# that the default schedule never shows.
import threading

N = 3
forks = [threading.Lock() for _ in range(N)]


def philosopher(i):
    left, right = forks[i], forks[(i + 1) % N]
    for _ in range(2):
        with left:
            with right:
                pass


ts = [threading.Thread(target=philosopher, args=(i,)) for i in range(N)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("all fed")
