# Event bus combining decorators, closures, classes and kwargs
class EventBus:
    def __init__(self):
        self.handlers = {}
        self.history = []
    def on(self, event, priority=0):
        def register(func):
            self.handlers.setdefault(event, []).append((priority, len(self.handlers.get(event, [])), func))
            return func
        return register
    def emit(self, event, *args, **kwargs):
        self.history.append(event)
        results = []
        for prio, _, fn in sorted(self.handlers.get(event, []), key=lambda t: (-t[0], t[1])):
            try:
                results.append(fn(*args, **kwargs))
            except Exception as e:
                results.append(f"{type(e).__name__}: {e}")
        return results
bus = EventBus()
log = []
@bus.on("login")
def greet(user, **extra):
    return f"welcome {user}" + (f" from {extra['ip']}" if "ip" in extra else "")
@bus.on("login", priority=10)
def audit(user, **extra):
    log.append(("login", user))
    return "audited"
@bus.on("purchase")
def charge(user, amount, currency="USD"):
    if amount <= 0:
        raise ValueError(f"bad amount {amount}")
    return f"charged {user} {amount:.2f} {currency}"
@bus.on("purchase", priority=-1)
def points(user, amount, **_):
    return f"{user} earned {int(amount // 10)} points"
def make_counter(name):
    count = 0
    def handler(*args, **kwargs):
        nonlocal count
        count += 1
        return f"{name} seen {count}x"
    return handler
counter = make_counter("any")
for ev in ("login", "purchase", "logout"):
    bus.on(ev, priority=5)(counter)
print(bus.emit("login", "ann"))
print(bus.emit("login", "bob", ip="10.0.0.1"))
print(bus.emit("purchase", "ann", 59.99))
print(bus.emit("purchase", "bob", -5, currency="EUR"))
print(bus.emit("purchase", "cy", 120, currency="GBP"))
print(bus.emit("logout", "ann"))
print(bus.emit("unknown"))
print(log)
print(bus.history)
print({k: len(v) for k, v in bus.handlers.items()})
print(greet("direct"), charge("x", 1))
