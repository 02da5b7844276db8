"""
title: gevent: a CPU-bound greenlet starves the others, and the timers
cores: 1
Nothing preempts a greenlet: it runs until it calls something that
blocks, and only then does the hub run another greenlet or fire a timer.
Here a greedy greenlet computes for 100 ms in four chunks, a friend
greenlet has three short steps to do, and an alarm is due 10 ms after the
start (spawn_later).  Without a yield the friend and the alarm wait for
the whole computation.  gevent.sleep(0) between chunks lets the friend in,
but not the alarm: the hub runs every ready greenlet before it looks at
its timers, and it looks at the clock only every 50 switches.
gevent.idle() waits until the hub has nothing else to do, so the timers
get their turn.
"""
import time
import gevent

log = []
start = 0.0

def compute(seconds):                        # stands for real CPU work
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        pass

def greedy(how):
    for i in range(4):
        compute(0.025)
        log.append(f"greedy {i}")
        if how == "sleep(0)":
            gevent.sleep(0)
        elif how == "idle()":
            gevent.idle()

def friend():
    for i in range(3):
        log.append(f"friend {i}")
        gevent.sleep(0)

def alarm():
    log.append(f"ALARM at {(time.perf_counter() - start) * 1000:.0f} ms")

def one_round(how):
    global start
    log.clear()
    start = time.perf_counter()
    timer = gevent.spawn_later(0.01, alarm)
    gevent.joinall([gevent.spawn(greedy, how), gevent.spawn(friend), timer])
    print(f"greedy yields with {how} (the alarm is due at 10 ms):")
    print("  " + ", ".join(log))

gevent.sleep(0)                              # start gevent's hub before timing
one_round("nothing")
one_round("sleep(0)")
one_round("idle()")
