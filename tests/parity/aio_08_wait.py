import asyncio

# Completion order is driven by events the main task sets, so the output
# does not depend on real timing under CPython.


async def job(name, gate, fail=False):
    await gate.wait()
    if fail:
        print("fail", name)
        raise RuntimeError(name)
    print("done", name)
    return name


def names(tasks):
    return sorted(t.get_name() for t in tasks)


def start(specs):
    gates = {}
    tasks = []
    for name, fail in specs:
        gates[name] = asyncio.Event()
        tasks.append(asyncio.create_task(job(name, gates[name], fail), name=name))
    return gates, tasks


async def main():
    gates, ts = start([("a", False), ("b", False), ("c", False)])
    asyncio.get_running_loop().call_soon(gates["b"].set)
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_COMPLETED)
    print("FIRST_COMPLETED", names(done), names(pending))
    gates["c"].set()
    gates["a"].set()
    done, pending = await asyncio.wait(pending)
    print("ALL_COMPLETED", names(done), names(pending))
    print(sorted(t.result() for t in ts))

    gates, ts = start([("x", False), ("y", True), ("z", False)])
    gates["x"].set()
    await asyncio.sleep(0)
    gates["y"].set()
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_EXCEPTION)
    print("FIRST_EXCEPTION", names(done), names(pending))
    for t in sorted(done, key=lambda t: t.get_name()):
        print(" ", t.get_name(), repr(t.exception()))
    gates["z"].set()
    done, pending = await asyncio.wait(pending)
    print("rest", names(done))

    gates, ts = start([("p", False), ("q", False), ("r", False)])
    gates["p"].set()
    done, pending = await asyncio.wait(ts, timeout=0.05)
    print("timeout", names(done), names(pending))
    for t in pending:
        t.cancel()
    done, pending = await asyncio.wait(pending)
    print("after cancel", names(done), [t.cancelled() for t in sorted(done, key=lambda t: t.get_name())])

    # FIRST_EXCEPTION with no exception behaves like ALL_COMPLETED
    gates, ts = start([("m", False), ("n", False)])
    loop = asyncio.get_running_loop()
    loop.call_later(0.01, gates["n"].set)
    loop.call_later(0.05, gates["m"].set)
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_EXCEPTION)
    print("no exception", names(done), names(pending))
    print(asyncio.FIRST_COMPLETED, asyncio.FIRST_EXCEPTION, asyncio.ALL_COMPLETED)
    try:
        await asyncio.wait([])
    except ValueError as e:
        print("ValueError", e)
    # already-done tasks
    done, pending = await asyncio.wait(ts, timeout=0)
    print("already done", names(done), names(pending))
    # wait on bare futures
    f1 = loop.create_future()
    f2 = loop.create_future()
    loop.call_soon(f2.set_result, 2)
    done, pending = await asyncio.wait([f1, f2], return_when=asyncio.FIRST_COMPLETED)
    print("futures", [f.result() for f in done], len(pending))
    f1.cancel()


asyncio.run(main())
