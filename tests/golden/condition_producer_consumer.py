"""
title: Condition: a consumer waits until the producer has items
cores: 2
The producer appends an item every 10 ms and notifies; the consumer waits on
the Condition (releasing its lock while it waits) and takes whatever is
there.  A None item tells the consumer to stop.
"""
# parity: python3
import threading
import time

items = []
cond = threading.Condition()
received = []

def producer():
    for i in range(6):
        time.sleep(0.01)
        with cond:
            items.append(i)
            cond.notify()
    with cond:
        items.append(None)
        cond.notify()

def consumer():
    while True:
        with cond:
            while not items:
                cond.wait()
            item = items.pop(0)
        if item is None:
            break
        received.append(item)
        print("consumed", item)

c = threading.Thread(target=consumer)
p = threading.Thread(target=producer)
c.start()
p.start()
p.join()
c.join()
print("received", received)
