import asyncio


async def step(x):
    await asyncio.sleep(0.01)
    return x + 1


with asyncio.Runner() as runner:
    print(runner.run(step(1)))
    loop = runner.get_loop()
    print(runner.run(step(10)))
    print(loop is runner.get_loop(), loop.is_closed())
print("closed after with:", loop.is_closed())
