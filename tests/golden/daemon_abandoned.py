"""
title: A daemon thread is abandoned at exit
cores: 2
The daemon thread signals that it has started and then sleeps for 10 s.  A
non-daemon thread sleeps 100 ms.  The main thread's module code ends at
~50 ms; at exit the interpreter joins only the non-daemon thread, so the
program ends at ~100 ms and the daemon never prints its last line.
"""
# parity: python3
import threading
import time

started = threading.Event()

def background():
    print("daemon: started")
    started.set()
    time.sleep(10)
    print("daemon: finished (never printed)")

def short_job():
    time.sleep(0.1)
    print("non-daemon: finished")

d = threading.Thread(target=background, daemon=True)
d.start()
started.wait()
threading.Thread(target=short_job).start()
time.sleep(0.05)
print("main: daemon alive?", d.is_alive(), "daemon flag:", d.daemon)
print("main: end of module")
