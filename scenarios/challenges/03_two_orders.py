"""
title: Two orders
cores: 1
goal: deadlock
hint: Each transfer locks the account it takes money from, then the one it pays into.  The two transfers go in opposite directions.
hint: Let the first transfer take its first lock, then switch to the second transfer before the first takes its second lock.
explain: The first transfer holds alice's lock and waits for bob's; the second holds bob's and waits for alice's.  Neither can ever go on: a deadlock, a cycle of threads each waiting for a lock the next one holds.
explain: The usual fix is one global order for taking locks - for example always the account whose name sorts first - so that no cycle can form.

Two bank transfers run at the same time, in opposite directions.  Each
locks both accounts so that no money is lost.  Freeze the bank.
"""
import threading

balance = {"alice": 100, "bob": 100}
locks = {"alice": threading.Lock(), "bob": threading.Lock()}


def transfer(src, dst, amount):
    with locks[src]:
        with locks[dst]:
            balance[src] -= amount
            balance[dst] += amount


t1 = threading.Thread(target=transfer, args=("alice", "bob", 10))
t2 = threading.Thread(target=transfer, args=("bob", "alice", 20))
t1.start()
t2.start()
t1.join()
t2.join()
print(balance)
