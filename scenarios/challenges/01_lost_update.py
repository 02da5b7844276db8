r"""
title: The lost update
cores: 1
goal: stdout != "4\n"
hint: The GIL changes hands only at a call or a backward jump.  Which call sits between reading counter and writing it?
hint: Let Thread-1 read counter, then switch to Thread-2 at the call to one() and let Thread-2 run to its end.
explain: counter = counter + one() reads counter, calls one(), and only then writes.  A switch at that call lets the other thread change counter in between, and the first thread then writes back a sum made from the old value: that update is lost.
explain: Without the call, CPython 3.11 never switches inside `counter += 1` - but only because of where it checks for a switch, which is not a promise.  A lock around the read and the write is the fix that holds everywhere.

Two threads each add 1 to a shared counter, twice.  The program should
print 4.  You are the scheduler: make it print something else.
"""
import threading

counter = 0


def one():
    return 1


def work():
    global counter
    for _ in range(2):
        counter = counter + one()


t1 = threading.Thread(target=work)
t2 = threading.Thread(target=work)
t1.start()
t2.start()
t1.join()
t2.join()
print(counter)
