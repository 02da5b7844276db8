import asyncio


async def party(b, name, d):
    await asyncio.sleep(d)
    print(name, "arrives; waiting:", b.n_waiting)
    idx = await b.wait()
    print(name, "passes with index", idx)
    return idx


async def main():
    b = asyncio.Barrier(3)
    print("parties", b.parties, "broken", b.broken)
    r = await asyncio.gather(party(b, "a", 0.05), party(b, "b", 0.15), party(b, "c", 0.1))
    print(sorted(r))
    # the barrier is reusable
    r = await asyncio.gather(*[party(b, f"r{i}", 0) for i in range(3)])
    print(sorted(r))
    b2 = asyncio.Barrier(2)
    t = asyncio.create_task(b2.wait())
    await asyncio.sleep(0)
    await b2.abort()
    try:
        await t
    except asyncio.BrokenBarrierError:
        print("BrokenBarrierError, broken:", b2.broken)


asyncio.run(main())
