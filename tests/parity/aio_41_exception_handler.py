import asyncio


async def main():
    loop = asyncio.get_running_loop()
    seen = []

    def handler(lp, context):
        seen.append((lp is loop, type(context.get("exception")).__name__, "message" in context))

    print(loop.get_exception_handler() is None)
    loop.set_exception_handler(handler)
    print(loop.get_exception_handler() is handler)
    loop.call_soon(lambda: 1 / 0)
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print(seen)
    loop.call_exception_handler({"message": "custom", "exception": KeyError("k")})
    print(seen[-1])
    loop.set_exception_handler(None)
    print(loop.get_exception_handler() is None)


asyncio.run(main())
