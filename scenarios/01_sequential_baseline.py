"""
title: One thread, one core: the baseline
cores: 1
A single thread counts down and then sleeps, as a sequential program does.
Every bytecode op costs virtual time; time.sleep advances the clock without
using the core.  Later lessons run the same work in threads, processes and
coroutines and compare against this baseline.
"""
import time

def countdown(n):
    while n > 0:
        n -= 1

start = time.perf_counter()
countdown(100_000)
cpu = time.perf_counter() - start
time.sleep(0.25)
total = time.perf_counter() - start
print(f"counting took {cpu * 1000:.1f} ms of virtual time")
print(f"with the sleep: {total * 1000:.1f} ms")
