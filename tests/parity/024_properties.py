# @property with setter and validation
class Account:
    def __init__(self, owner, balance=0):
        self._owner = owner
        self._balance = 0
        self.balance = balance
    @property
    def owner(self):
        return self._owner
    @property
    def balance(self):
        return self._balance
    @balance.setter
    def balance(self, value):
        if value < 0:
            raise ValueError(f"balance cannot be negative: {value}")
        self._balance = value
    @property
    def status(self):
        return "rich" if self._balance >= 1000 else "ok" if self._balance > 0 else "empty"
a = Account("Ann", 50)
print(a.owner, a.balance, a.status)
a.balance = 1500
print(a.balance, a.status)
a.balance = 0
print(a.balance, a.status)
try:
    a.balance = -5
except ValueError as e:
    print(type(e).__name__, e)
print(a.balance)
try:
    a.owner = "Mallory"
except AttributeError as e:
    print(type(e).__name__)
try:
    Account("Bad", -1)
except ValueError as e:
    print("init failed:", e)
class Celsius:
    def __init__(self, c=0.0):
        self.celsius = c
    @property
    def fahrenheit(self):
        return self.celsius * 9 / 5 + 32
    @fahrenheit.setter
    def fahrenheit(self, f):
        self.celsius = (f - 32) * 5 / 9
temp = Celsius(25)
print(temp.celsius, temp.fahrenheit)
temp.fahrenheit = 212
print(temp.celsius, temp.fahrenheit)
temp.fahrenheit = -40
print(temp.celsius, temp.fahrenheit)
