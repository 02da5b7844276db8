"""
title: jitter: 0.2 varies a thread's speed by at most 20%
cores: 1
jitter: 0.2
seed: 6
With jitter each thread runs at a slightly different speed: its op costs are
scaled by a factor drawn from [0.8, 1.2].  This countdown takes 270.1 us of
virtual time without jitter (10,000 laps, default 3 ns ops), so with
jitter: 0.2 it must take between 216 and 324 us, whatever the seed.
"""
import time

def countdown(n):
    while n > 0:
        n -= 1

start = time.perf_counter()
countdown(10_000)
took = time.perf_counter() - start
print(f"countdown took {took * 1e6:.1f} us")
print("within 20% of 270.1 us:", 0.8 * 270.1e-6 <= took <= 1.2 * 270.1e-6)
