"""
title: Producer and consumers with queue.Queue
cores: 2
One producer thread "downloads" 12 pages (0.05 s of waiting each) and puts
them on a queue.Queue with room for 3; two consumer threads take pages off
and "parse" them (0.15 s each).  The queue does the locking: put() blocks
while the queue is full (the producer is ahead), get() blocks while it is
empty (the consumers are ahead).  A None per consumer tells it to stop.
Who waits depends on who is slower: here parsing is, so the producer
blocks on a full queue.
"""
import queue
import threading
import time

pages = queue.Queue(maxsize=3)
parsed = []

def producer(n, consumers):
    for i in range(n):
        time.sleep(0.05)              # download page i
        pages.put(f"page{i}")
    for _ in range(consumers):
        pages.put(None)               # one stop signal per consumer

def consumer():
    while True:
        page = pages.get()
        if page is None:
            break
        time.sleep(0.15)              # parse it
        parsed.append(page)

start = time.perf_counter()
threads = [threading.Thread(target=producer, args=(12, 2), name="producer")]
threads += [threading.Thread(target=consumer, name=f"consumer{i}") for i in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(f"parsed {len(parsed)} pages in {time.perf_counter() - start:.2f} s")
