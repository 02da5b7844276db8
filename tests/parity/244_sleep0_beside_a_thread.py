"""
switch_interval: 50us
"""
# Twenty asyncio tasks yield with sleep(0) while a CPU-bound thread
# takes the GIL away from the event loop's thread again and again: a
# task often resumes just as its thread must give the GIL up.
import asyncio
import threading


def spin(n):
    total = 0
    for i in range(n):
        total += i
    return total


async def worker(name, rounds, log):
    for _ in range(rounds):
        await asyncio.sleep(0)
    log.append(name)


async def main():
    log = []
    await asyncio.gather(*(worker(f"w{i:02d}", 50, log) for i in range(20)))
    print(len(log), sorted(log)[:3], sorted(log)[-1])


t = threading.Thread(target=spin, args=(300000,))
t.start()
asyncio.run(main())
t.join()
print("done")
