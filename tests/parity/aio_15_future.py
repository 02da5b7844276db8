import asyncio


async def main():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    print("done?", f.done(), "cancelled?", f.cancelled())
    try:
        f.result()
    except asyncio.InvalidStateError as e:
        print("InvalidStateError", e)
    try:
        f.exception()
    except asyncio.InvalidStateError as e:
        print("InvalidStateError", e)
    f.add_done_callback(lambda fut: print("cb1", fut.result()))
    f.add_done_callback(lambda fut: print("cb2", fut.result()))
    loop.call_soon(f.set_result, "soon")
    print("awaiting")
    r = await f
    print("awaited", r)
    await asyncio.sleep(0)
    f.add_done_callback(lambda fut: print("cb3 added late", fut.result()))
    print("after adding late cb")
    await asyncio.sleep(0)
    try:
        f.set_result("again")
    except asyncio.InvalidStateError as e:
        print("InvalidStateError", e)

    f2 = loop.create_future()
    loop.call_later(0.01, f2.set_exception, KeyError("k"))
    try:
        await f2
    except KeyError as e:
        print("awaited exception", repr(e))
    print("exception()", repr(f2.exception()))

    f3 = loop.create_future()

    def cb(fut):
        print("removed cb ran")

    f3.add_done_callback(cb)
    print("removed", f3.remove_done_callback(cb))
    f3.cancel("bye")
    print("f3 cancelled", f3.cancelled(), f3.done())
    try:
        await f3
    except asyncio.CancelledError as e:
        print("f3 CancelledError", e.args)

    # futures as awaitables in several waiters
    f4 = loop.create_future()

    async def waiter(i):
        v = await f4
        print("waiter", i, v)

    ts = [asyncio.create_task(waiter(i)) for i in range(3)]
    await asyncio.sleep(0)
    f4.set_result("shared")
    await asyncio.gather(*ts)
    print(asyncio.isfuture(f4), asyncio.isfuture(ts[0]), asyncio.isfuture(42))
    try:
        f5 = loop.create_future()
        f5.set_exception(StopIteration)
    except TypeError as e:
        print("TypeError", e)


asyncio.run(main())
