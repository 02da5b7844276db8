"""
title: greenlets waiting on a queue, an event, a timer and a Timeout
cores: 1
"""
import gevent
from gevent.event import Event
from gevent.queue import Queue

jobs = Queue(maxsize=2)
ready = Event()


def producer():
    for i in range(5):
        jobs.put(i)
        print("put", i)


def consumer():
    ready.wait()
    for _ in range(5):
        item = jobs.get()
        print("got", item)
        gevent.sleep(0.1)


def impatient():
    try:
        with gevent.Timeout(0.25):
            jobs.peek()
            gevent.sleep(1)
    except gevent.Timeout:
        print("timed out")


def starter():
    print("starting the consumer")
    ready.set()


gevent.joinall([gevent.spawn(producer), gevent.spawn(consumer), gevent.spawn(impatient),
                gevent.spawn_later(0.05, starter)])
print("done")
