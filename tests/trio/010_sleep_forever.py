# sleep_forever only ends by cancellation; Cancelled is a BaseException to re-raise
import trio


async def watcher(name, log):
    try:
        print(f"{name}: waiting forever")
        await trio.sleep_forever()
    except trio.Cancelled as c:
        log.append((name, type(c).__name__, isinstance(c, Exception), isinstance(c, BaseException)))
        raise
    finally:
        log.append((name, "finally"))


async def main():
    log = []
    async with trio.open_nursery() as nursery:
        nursery.start_soon(watcher, "w1", log)
        await trio.sleep(0.2)
        print("main: cancelling the nursery")
        nursery.cancel_scope.cancel()
    print("nursery closed; log:", log)
    print("nursery cancelled_caught:", nursery.cancel_scope.cancelled_caught)

    with trio.move_on_after(0.1):
        try:
            await trio.sleep_forever()
        except trio.Cancelled as c:
            print("Cancelled str:", repr(str(c)))
            raise
    try:
        trio.Cancelled()
    except RuntimeError as e:
        print("Cancelled cannot be constructed directly:", type(e).__name__)
    except TypeError as e:
        print("Cancelled cannot be constructed directly:", type(e).__name__)
    print("done")


trio.run(main)
