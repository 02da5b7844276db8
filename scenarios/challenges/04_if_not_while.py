"""
title: If, not while
cores: 1
goal: exception IndexError
hint: A thread woken by notify() does not run at once: it first has to get the condition's lock back.  Who else might get it first?
hint: Let Eve wait.  Let the cook put the cake out and notify, then give the lock to Bo before Eve.
explain: notify() only wakes Eve; when she runs again the lock may have passed to Bo, who saw the cake and ate it.  Eve then returns from wait() and pops from an empty list.
explain: That is why a condition is always waited on in a loop, `while not dishes: cond.wait()` (or cond.wait_for(lambda: dishes)): being woken means "look again", not "it is yours".

A cook puts out two dishes, one at a time, and notifies a waiting
guest each time.  The guests wait on a Condition when the table is empty.
Make a guest find nothing to eat.
"""
import threading

dishes = []
cond = threading.Condition()


def guest(name):
    with cond:
        if not dishes:
            cond.wait()
        dish = dishes.pop()
        print(name, "eats", dish)


def cook():
    for dish in ["cake", "soup"]:
        with cond:
            dishes.append(dish)
            cond.notify()


guests = [threading.Thread(target=guest, args=(n,)) for n in ("Eve", "Bo")]
for g in guests:
    g.start()
c = threading.Thread(target=cook)
c.start()
for g in guests:
    g.join()
c.join()
