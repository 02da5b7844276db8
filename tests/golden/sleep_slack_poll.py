"""
title: Sleeps and timeouts return late, and the lateness adds up
cores: 2
A heartbeat sleeps 1 s per beat and a poller waits on an Event with a
1 s timeout, while the main thread sleeps 5 s and then sets the Event.
Each sleep and timeout ends about 0.1 ms late (sleep_slack), as on
Linux, so the fifth beat and the fifth timeout come after the set:
python3 prints the same 5 ticks and 4 timeouts.
"""
import threading, time

stop = threading.Event()

def heartbeat():
    while not stop.is_set():
        print("tick")
        time.sleep(1)
    print("heartbeat stopped")

def poller():
    n = 0
    while not stop.wait(1):
        n += 1
    print("poller saw", n, "timeouts")

threads = [threading.Thread(target=heartbeat), threading.Thread(target=poller)]
for t in threads:
    t.start()
time.sleep(5)
stop.set()
for t in threads:
    t.join()
print("done")
