# Realistic: bank account simulation with transactions and errors
class InsufficientFunds(Exception):
    def __init__(self, needed, available):
        super().__init__(f"need {needed:.2f}, have {available:.2f}")
class Account:
    next_id = 1000
    def __init__(self, owner, balance=0.0):
        self.id = Account.next_id
        Account.next_id += 1
        self.owner, self.balance, self.history = owner, balance, []
    def deposit(self, amount):
        if amount <= 0:
            raise ValueError(f"invalid deposit amount: {amount}")
        self.balance += amount
        self.history.append(("deposit", amount))
    def withdraw(self, amount):
        if amount > self.balance:
            raise InsufficientFunds(amount, self.balance)
        self.balance -= amount
        self.history.append(("withdraw", amount))
    def __repr__(self):
        return f"Account#{self.id}({self.owner}, {self.balance:,.2f})"
class SavingsAccount(Account):
    rate = 0.05
    def add_interest(self):
        interest = round(self.balance * self.rate, 2)
        self.deposit(interest)
        return interest
class Bank:
    def __init__(self):
        self.accounts = {}
    def open_account(self, cls, owner, *args):
        acct = cls(owner, *args)
        self.accounts[acct.id] = acct
        return acct
    def transfer(self, src, dst, amount):
        try:
            self.accounts[src].withdraw(amount)
        except KeyError as e:
            return f"no such account {e}"
        except InsufficientFunds as e:
            return f"transfer failed: {e}"
        self.accounts[dst].deposit(amount)
        return f"moved {amount:.2f} from {src} to {dst}"
bank = Bank()
a = bank.open_account(Account, "Alice", 500.0)
b = bank.open_account(SavingsAccount, "Bob", 1200.0)
c = bank.open_account(Account, "Carol")
print(a, b, c)
for src, dst, amt in [(1000, 1001, 150.0), (1002, 1000, 10.0), (1001, 1002, 1000.25), (9999, 1000, 1.0)]:
    print(bank.transfer(src, dst, amt))
print("interest:", b.add_interest(), b)
try:
    c.deposit(-5)
except ValueError as e:
    print(type(e).__name__, e)
print(sorted(bank.accounts.values(), key=lambda x: x.balance))
for acct in bank.accounts.values():
    print(acct.owner, acct.history, f"{sum(v for _, v in acct.history):.2f}")
print(f"total holdings: {sum(x.balance for x in bank.accounts.values()):,.2f}")
