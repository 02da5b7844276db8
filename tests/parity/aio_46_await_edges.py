import asyncio


async def chain(n):
    if n == 0:
        await asyncio.sleep(0)
        return 0
    return 1 + await chain(n - 1)


async def main():
    print(await chain(500))
    try:
        await chain(5000)
    except RecursionError as e:
        print("RecursionError")
    # task awaiting itself
    async def selfish():
        await asyncio.current_task()
    try:
        await asyncio.create_task(selfish())
    except RuntimeError as e:
        print("RuntimeError", str(e).split(":")[0])
    # gather of a thousand already-finished futures
    loop = asyncio.get_running_loop()
    fs = []
    for i in range(1000):
        f = loop.create_future(); f.set_result(i); fs.append(f)
    print(sum(await asyncio.gather(*fs)))
    # a coroutine that raises StopIteration
    async def si():
        raise StopIteration
    try:
        await si()
    except RuntimeError as e:
        print("RuntimeError", e)


asyncio.run(main())
