"""
title: Example 3: a coroutine that prints numbers
cores: 1
The asyncio version: "an async function lets the program do other work while
it waits".  But there is no other work: one coroutine awaits
asyncio.sleep(1) ten times, so the program takes 10 s, exactly as long as
the same loop with time.sleep(1) would.  asyncio pays off only when several
coroutines wait at the same time (example 6).
"""
import asyncio

async def print_numbers():
    for i in range(1, 11):
        print(i)
        await asyncio.sleep(1)

asyncio.run(print_numbers())
