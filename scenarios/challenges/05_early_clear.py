"""
title: The gate closes too soon
cores: 1
goal: deadlock
hint: A runner only leaves when it sees the gate open.  How long is the gate open?
hint: Let the starter run before a runner has reached ready.wait().
explain: set() wakes the threads already waiting, but clear() right after it closes the gate again.  A runner that had not reached wait() yet finds it closed and waits forever - and the main thread, joining it, waits with it.
explain: An Event is a state, not a message: clear it only when every thread that needs to see it set has seen it (or use a Barrier, or one Event per round).

Two runners wait at the start line for the gate to open; the starter
opens it and closes it again for the next race.  Leave a runner stuck at
the start.
"""
import threading

gate = threading.Event()


def runner(name):
    print(name, "is at the start")
    gate.wait()
    print(name, "runs")


def starter():
    gate.set()
    gate.clear()


runners = [threading.Thread(target=runner, args=(n,)) for n in ("Kim", "Lou")]
for r in runners:
    r.start()
s = threading.Thread(target=starter)
s.start()
for r in runners:
    r.join()
s.join()
