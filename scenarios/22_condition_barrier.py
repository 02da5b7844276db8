"""
title: Condition and Barrier: waiting for a state, waiting for each other
cores: 2
A Condition lets a thread sleep until some state is true and be woken by
whoever changes it: the oven waits until three loaves of dough are ready,
and checks again each time the kneader notifies it.  A Barrier makes a
group wait until all of them arrive: three bakers do each step at their
own pace and wait for the slowest before anyone starts the next step.
"""
import threading
import time

dough = 0
ready = threading.Condition()

def oven():
    with ready:
        ready.wait_for(lambda: dough >= 3)     # asleep until notified and true
        print(f"oven: baking {dough} loaves")

def kneader():
    global dough
    for _ in range(3):
        time.sleep(0.1)                        # knead one loaf
        with ready:
            dough += 1
            ready.notify_all()                 # wake whoever waits for the state

step = threading.Barrier(3)

def baker(name, seconds):
    for stage in ("mix", "shape", "bake"):
        time.sleep(seconds)                    # this baker's pace
        step.wait()                            # nobody starts the next step early
        if name == "A":
            print(f"all bakers finished {stage}")

threads = [threading.Thread(target=oven, name="oven"), threading.Thread(target=kneader, name="kneader")]
threads += [threading.Thread(target=baker, args=(n, s), name=f"baker {n}") for n, s in (("A", 0.05), ("B", 0.1), ("C", 0.2))]
start = time.perf_counter()
for t in threads:
    t.start()
for t in threads:
    t.join()
print(f"done after {time.perf_counter() - start:.1f} s")
