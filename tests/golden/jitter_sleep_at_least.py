"""
title: With jitter, time.sleep still never returns early
cores: 2
jitter: 0.2
seed: 2
Jitter adds noise to the simulated machine, but CPython's time.sleep(secs)
suspends for at least secs (it may oversleep, never undersleep).  Twenty
10 ms sleeps are each measured with perf_counter; none may be shorter than
10 ms, with or without jitter.
"""
# parity: python3
import time

short = 0
for _ in range(20):
    start = time.perf_counter()
    time.sleep(0.01)
    if time.perf_counter() - start < 0.01:
        short += 1
print("sleeps that returned early:", short)
