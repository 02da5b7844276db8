"""
title: The last seat
cores: 1
goal: exception IndexError
hint: Both passengers check that a seat is left before they take it.  What if both check before either takes?
hint: Switch to the other passenger when the first is about to call seats.pop().
explain: "Check, then act" is two steps.  Between len(seats) > 0 and seats.pop() another thread can take the seat, and the second pop() finds the list empty.
explain: The check and the action must be one step for every other thread: do both while holding a lock, or just try the action and handle the failure (pop() inside try/except IndexError).

One seat is left on the flight, and two passengers try to book it.  The
program checks that a seat is left before it hands one out.  Make a
passenger crash anyway.
"""
import threading

seats = ["12A"]


def book(name):
    if len(seats) > 0:
        seat = seats.pop()
        print(name, "booked", seat)
    else:
        print(name, "found the flight full")


a = threading.Thread(target=book, args=("Ada",))
b = threading.Thread(target=book, args=("Ben",))
a.start()
b.start()
a.join()
b.join()
