# threading.local: per-thread request context in a tiny web-handler simulation
import threading

context = threading.local()
context.user = "main-user"
results = {}
lock = threading.Lock()


def current_user():
    return getattr(context, "user", "<anonymous>")


def handle(request_id, user, go, done):
    go.wait()
    print(f"[{threading.current_thread().name}] before set: {current_user()}")
    context.user = user
    context.hits = 0
    for _ in range(request_id + 1):
        context.hits += 1
    with lock:
        results[request_id] = (current_user(), context.hits)
    done.set()


pairs = []
for rid, user in enumerate(["alice", "bob", "carol"]):
    go, done = threading.Event(), threading.Event()
    t = threading.Thread(target=handle, args=(rid, user, go, done), name=f"req-{rid}")
    pairs.append((t, go, done))
    t.start()
for t, go, done in pairs:
    go.set()
    done.wait()
    t.join()
for rid in sorted(results):
    print(rid, results[rid])
print("main still sees:", context.user, hasattr(context, "hits"))


class Counter(threading.local):
    def __init__(self, start):
        self.value = start
        print(f"  init in {threading.current_thread().name}")


counter = Counter(10)
counter.value += 1


def bump():
    counter.value += 5
    print(f"  {threading.current_thread().name} sees {counter.value}")


for i in range(2):
    t = threading.Thread(target=bump, name=f"bump-{i}")
    t.start()
    t.join()
print("main counter:", counter.value)
try:
    threading.local(1)
except TypeError as e:
    print("TypeError:", e)
