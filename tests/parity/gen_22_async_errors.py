import asyncio
async def agen():
    yield 1
async def main():
    try:
        for x in agen():
            pass
    except TypeError as e:
        print(e)
    try:
        await agen()
    except TypeError as e:
        print(e)
    a = agen()
    print(await a.__anext__())
    try:
        await a.__anext__()
    except StopAsyncIteration:
        print("stop")
asyncio.run(main())
