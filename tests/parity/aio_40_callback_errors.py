import asyncio


async def main():
    loop = asyncio.get_running_loop()

    def boom():
        raise ValueError("callback failed")

    loop.call_soon(boom)
    loop.call_soon(print, "next callback still runs")
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    f = loop.create_future()
    f.add_done_callback(lambda fut: 1 / 0)
    f.add_done_callback(lambda fut: print("second done callback runs"))
    f.set_result(None)
    await asyncio.sleep(0)
    loop.call_later(0.01, boom)
    await asyncio.sleep(0.02)
    print("loop survived")


asyncio.run(main())
print("end")
