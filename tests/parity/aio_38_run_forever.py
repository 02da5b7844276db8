import asyncio

loop = asyncio.new_event_loop()
loop.call_soon(print, "first callback")
loop.call_later(0.02, loop.stop)
loop.call_later(0.01, print, "timer before stop")
loop.call_later(1, print, "timer after stop (never runs)")
print("running:", loop.is_running())
loop.run_forever()
print("stopped; running:", loop.is_running())


async def ticker():
    for i in range(3):
        print("tick", i)
        await asyncio.sleep(0.01)
    loop.stop()


task = loop.create_task(ticker())
loop.run_forever()
print("ticker done:", task.done())
# stop() before run_forever: runs one iteration of ready callbacks
loop.call_soon(print, "ready callback")
loop.stop()
loop.run_forever()
print("after one iteration")
loop.close()
print("closed:", loop.is_closed())
