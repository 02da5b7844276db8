import asyncio


async def job(name, d):
    await asyncio.sleep(d)
    return name


async def bad(d):
    await asyncio.sleep(d)
    raise ValueError("bad job")


async def main():
    coros = [job("slow", 0.15), job("fast", 0.05), job("mid", 0.1)]
    for i, fut in enumerate(asyncio.as_completed(coros)):
        r = await fut
        print(i, r)
    tasks = [asyncio.create_task(job(n, d)) for n, d in (("t1", 0.1), ("t2", 0.05))]
    order = []
    for fut in asyncio.as_completed(tasks):
        order.append(await fut)
    print(order)
    for fut in asyncio.as_completed([job("ok", 0.1), bad(0.05)]):
        try:
            print("result", await fut)
        except ValueError as e:
            print("error", e)
    try:
        for fut in asyncio.as_completed([job("a", 0.05), job("b", 1)], timeout=0.2):
            print("got", await fut)
    except TimeoutError:
        print("as_completed timed out")
    it = asyncio.as_completed([])
    print("empty", list(it))


asyncio.run(main())
