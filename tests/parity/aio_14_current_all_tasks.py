import asyncio


async def child(n):
    me = asyncio.current_task()
    print("child", n, me.get_name())
    await asyncio.sleep(0.1 * n)
    return n


async def main():
    print("outside loop:", end=" ")
    me = asyncio.current_task()
    print(me.get_name(), me is asyncio.current_task())
    ts = [asyncio.create_task(child(i), name=f"c{i}") for i in range(1, 4)]
    print("all", sorted(t.get_name() for t in asyncio.all_tasks()))
    print("me in all", me in asyncio.all_tasks())
    await asyncio.sleep(0.15)
    print("after 1 done", sorted(t.get_name() for t in asyncio.all_tasks()))
    await asyncio.gather(*ts)
    print("after all", sorted(t.get_name() for t in asyncio.all_tasks()))
    loop = asyncio.get_running_loop()
    print(loop is asyncio.get_running_loop(), loop.is_running(), loop.is_closed())


try:
    asyncio.get_running_loop()
except RuntimeError as e:
    print("RuntimeError", e)
try:
    asyncio.current_task()
except RuntimeError as e:
    print("RuntimeError", e)
asyncio.run(main())
