"""
title: trio: batches in shuffled order, and a task without checkpoints
cores: 1
trio_order: shuffle
trio runs the tasks that are ready in batches.  It runs each batch in the
order the tasks became ready, or reversed - a coin flip per batch, so that
no program comes to depend on an order trio does not promise.  Real trio
flips an unseeded coin, so the first part prints in one of four orders,
changing from run to run; the simulator draws its coins from --seed
(trio_order: fifo turns the shuffle off).  In the second part a ticker
should print every 0.1 s, but trio only switches tasks at checkpoints:
while the greedy task computes without one, nothing else runs, and the
ticks come late.
"""
import trio

def crunch(n):                        # CPU work: no await, so no checkpoint
    while n > 0:
        n -= 1

async def worker(name):
    print(f"{name}: step 1")
    await trio.sleep(0)               # a checkpoint: let the others run
    print(f"{name}: step 2")

async def ticker(start):
    for i in range(1, 6):
        await trio.sleep_until(start + i * 0.1)
        print(f"tick {i}, due at {i * 0.1:.1f} s: at {trio.current_time() - start:.2f} s")

async def greedy(start):
    await trio.sleep(0.15)
    print(f"greedy: computes from {trio.current_time() - start:.2f} s, without a checkpoint")
    crunch(7_000_000)
    print(f"greedy: done at {trio.current_time() - start:.2f} s")

async def main():
    async with trio.open_nursery() as nursery:
        for name in "ABC":
            nursery.start_soon(worker, name)

    start = trio.current_time()
    async with trio.open_nursery() as nursery:
        nursery.start_soon(ticker, start)
        nursery.start_soon(greedy, start)

trio.run(main)
