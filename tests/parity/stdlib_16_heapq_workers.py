# A priority work queue on heapq shared by threads under a lock, with
# dataclass jobs and an Enum for their state; results sorted at the end
import heapq
import threading
from dataclasses import dataclass, field
from enum import Enum, auto


class State(Enum):
    WAITING = auto()
    DONE = auto()


@dataclass(order=True)
class Job:
    priority: int
    name: str = field(compare=False)
    state: State = field(default=State.WAITING, compare=False)


heap = []
for p, n in [(3, "report"), (1, "alert"), (2, "email"), (1, "backup"), (5, "cleanup"), (4, "index")]:
    heapq.heappush(heap, Job(p, n))
lock = threading.Lock()
done = []


def worker(wid):
    while True:
        with lock:
            if not heap:
                return
            job = heapq.heappop(heap)
        job.state = State.DONE
        with lock:
            done.append((job.priority, job.name, wid in (0, 1)))


threads = [threading.Thread(target=worker, args=(i,)) for i in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(done))
print(all(j for _, _, j in done), State.DONE, len(done))
print(heapq.nsmallest(3, [Job(5, "e"), Job(1, "a"), Job(3, "c"), Job(2, "b")]))
merged = list(heapq.merge([1, 4, 7], [2, 5, 8], [3, 6, 9]))
print(merged, heapq.nlargest(2, merged, key=lambda x: -x))
