import asyncio


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    log = []
    done = loop.create_future()

    def cb(tag):
        log.append(tag)
        print("cb", tag)

    loop.call_later(0.03, cb, "later30")
    loop.call_later(0.01, cb, "later10")
    loop.call_soon(cb, "soon1")
    loop.call_later(0, cb, "later0")
    loop.call_soon(cb, "soon2")
    loop.call_at(t0 + 0.02, cb, "at20")
    h = loop.call_later(0.015, cb, "cancelled")
    h.cancel()
    print("handle cancelled", h.cancelled())
    loop.call_at(t0 + 0.05, done.set_result, None)
    print("scheduled")
    await done
    print(log)

    # call_soon from inside a callback runs after already-queued callbacks
    fin = loop.create_future()

    def first():
        print("first")
        loop.call_soon(third)

    def second():
        print("second")

    def third():
        print("third")
        fin.set_result(1)

    loop.call_soon(first)
    loop.call_soon(second)
    await fin
    # task steps and callbacks interleave in FIFO order
    async def t(name):
        print("task", name, "step 1")
        await asyncio.sleep(0)
        print("task", name, "step 2")

    task = asyncio.create_task(t("x"))
    loop.call_soon(print, "callback after task creation")
    await asyncio.sleep(0)
    print("main resumed")
    await task
    th = loop.call_later(1, print, "never")
    print(type(th).__name__, th.when() - t0 > 0.5)
    th.cancel()


asyncio.run(main())
