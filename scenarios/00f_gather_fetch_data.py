"""
title: Example 6: fetching data three times with gather
cores: 1
"asyncio.gather runs the three fetches concurrently": all three print
"Fetching data..." before any prints "Data fetched!", and the program takes
2 s instead of 6 s.  This one is true as stated - because the fetches only
wait.  Everything runs on one thread: the event loop starts each coroutine,
and while all three await their timers the thread itself waits (i).
"""
import asyncio

async def fetch_data():
    print("Fetching data...")
    await asyncio.sleep(2)
    print("Data fetched!")

async def main():
    await asyncio.gather(fetch_data(), fetch_data(), fetch_data())

asyncio.run(main())
