import asyncio


async def f(x):
    await asyncio.sleep(0.01)
    return x * 2


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
print(loop.run_until_complete(f(5)))
print(asyncio.get_event_loop() is loop)
t = loop.create_task(f(7))
print(t.done())
print(loop.run_until_complete(t))
fut = loop.create_future()
loop.call_soon(fut.set_result, "via future")
print(loop.run_until_complete(fut))
print(loop.is_running(), loop.is_closed())


async def inside():
    running = asyncio.get_running_loop()
    print("same loop:", running is loop, running.is_running())
    try:
        loop.run_until_complete(f(1))
    except RuntimeError as e:
        print("RuntimeError", e)
    try:
        asyncio.run(f(1))
    except RuntimeError as e:
        print("RuntimeError", e)


loop.run_until_complete(inside())
loop.close()
print("closed:", loop.is_closed())
try:
    loop.run_until_complete(f(1))
except RuntimeError as e:
    print("RuntimeError", e)
try:
    loop.call_soon(print, "x")
except RuntimeError as e:
    print("RuntimeError", e)
asyncio.set_event_loop(None)
# asyncio.run uses a fresh loop each time
loops = []


async def grab():
    loops.append(asyncio.get_running_loop())


asyncio.run(grab())
asyncio.run(grab())
print("fresh loops:", loops[0] is not loops[1], loops[0].is_closed())
