# A state machine (vending machine) driven by events
class InvalidTransition(Exception):
    pass
class VendingMachine:
    PRICES = {"cola": 150, "chips": 100, "candy": 65}
    def __init__(self):
        self.state = "idle"
        self.credit = 0
        self.stock = {"cola": 2, "chips": 0, "candy": 5}
        self.sales = []
    def handle(self, event, arg=None):
        method = getattr(self, f"on_{event}", None)
        if method is None:
            raise InvalidTransition(f"unknown event {event!r}")
        before = self.state
        result = method(arg)
        print(f"  [{before:>8} --{event}({arg})--> {self.state:<8}] credit={self.credit:>3} {result or ''}")
    def on_coin(self, amount):
        if amount not in (5, 10, 25, 100):
            return f"rejected coin {amount}"
        self.credit += amount
        self.state = "paying"
    def on_select(self, item):
        if self.state != "paying":
            raise InvalidTransition(f"cannot select in state {self.state}")
        if self.stock.get(item, 0) == 0:
            return f"{item} sold out"
        price = self.PRICES[item]
        if self.credit < price:
            return f"need {price - self.credit} more for {item}"
        self.credit -= price
        self.stock[item] -= 1
        self.sales.append(item)
        self.state = "paying" if self.credit else "idle"
        return f"vended {item}"
    def on_refund(self, _):
        amount, self.credit = self.credit, 0
        self.state = "idle"
        return f"refunded {amount}"
vm = VendingMachine()
script = [("coin", 100), ("coin", 25), ("select", "cola"), ("coin", 25), ("select", "cola"),
          ("select", "chips"), ("coin", 3), ("coin", 100), ("coin", 100), ("select", "cola"),
          ("select", "cola"), ("select", "candy"), ("refund", None), ("select", "candy"), ("dance", 1)]
for event, arg in script:
    try:
        vm.handle(event, arg)
    except InvalidTransition as e:
        print("  !!", type(e).__name__, e)
print("sales:", vm.sales, "stock:", vm.stock, "state:", vm.state)
revenue = sum(VendingMachine.PRICES[s] for s in vm.sales)
print(f"revenue: {revenue // 100}.{revenue % 100:02d}")
