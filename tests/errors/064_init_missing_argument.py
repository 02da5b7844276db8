# expect-stderr: Traceback (most recent call last):
# expect-stderr: line 11, in <module>
# expect-stderr: TypeError: Account.__init__() missing 1 required positional argument: 'balance'
# expect-exit: 1
class Account:
    def __init__(self, owner, balance):
        self.owner = owner
        self.balance = balance

a = Account("ann", 10)
b = Account("bob")
