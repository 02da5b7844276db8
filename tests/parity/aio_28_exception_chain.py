import asyncio


class Bottom(Exception):
    pass


async def raiser(msg):
    await asyncio.sleep(0)
    raise Bottom(msg)


async def middle(msg):
    try:
        await raiser(msg)
    except Bottom as e:
        raise RuntimeError("middle failed") from e


async def top():
    try:
        await middle("deep problem")
    except RuntimeError as e:
        print("top caught", type(e).__name__, e)
        print("cause", type(e.__cause__).__name__, e.__cause__)
        return "recovered"


async def implicit():
    try:
        await raiser("first")
    except Bottom:
        await asyncio.sleep(0)
        raise KeyError("second")


async def finally_order():
    try:
        try:
            await raiser("in try")
        finally:
            print("finally 1")
            await asyncio.sleep(0)
            print("finally 1 after await")
    finally:
        print("finally 2")


async def main():
    print(await top())
    try:
        await implicit()
    except KeyError as e:
        print("implicit", repr(e), "context:", repr(e.__context__))
    try:
        await finally_order()
    except Bottom as e:
        print("after finallies", e)
    t = asyncio.create_task(middle("in a task"))
    try:
        await t
    except RuntimeError as e:
        print("task raised", e, "| cause:", e.__cause__)
    print("task exception()", repr(t.exception()))
    # exceptions from many tasks, checked one by one
    ts = [asyncio.create_task(raiser(f"r{i}")) for i in range(3)]
    for t in ts:
        try:
            await t
        except Bottom as e:
            print("got", e)
    # an exception escaping a task that nobody awaited is still stored
    t = asyncio.create_task(raiser("stored"))
    await asyncio.sleep(0.01)
    print("stored:", t.done(), repr(t.exception()))


asyncio.run(main())
