"""
title: The convoy effect: I/O threads stuck behind a CPU-bound thread
cores: 2
An I/O thread does 50 short waits (0.1 ms each, like small network reads):
about 10 ms alone, as each sleep returns about 0.1 ms late (sleep_slack).
Next to one CPU-bound thread, every time the I/O thread wakes up it needs
the GIL back, and the CPU-bound thread holds it: the I/O thread asks, waits
a whole switch interval (5 ms), and only then gets it.  Fifty waits become
fifty intervals.  This follows from the GIL's rules alone (bpo-7946).
Try `--set switch_interval=1ms`, or `--gil off`.
"""
import threading
import time

def io_work():
    start = time.perf_counter()
    for _ in range(50):
        time.sleep(0.0001)
    return time.perf_counter() - start

stop = False

def cpu_work():
    n = 0
    while not stop:
        n += 1

alone = io_work()

cpu = threading.Thread(target=cpu_work)
cpu.start()
busy = io_work()
stop = True
cpu.join()

print(f"I/O thread alone:          {alone * 1000:6.1f} ms")
print(f"next to a CPU-bound thread: {busy * 1000:6.1f} ms")
print(f"slowdown: {busy / alone:.0f}x")
