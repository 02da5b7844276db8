import asyncio


async def forgotten():
    print("forgotten body never runs")


async def used():
    print("used runs")
    return 1


async def main():
    forgotten()
    print("called without await")
    r = await used()
    print("used returned", r)
    c = forgotten()
    del c
    print("deleted unawaited coroutine")
    await asyncio.sleep(0)


asyncio.run(main())
print("end")
