import asyncio


async def add(a, b):
    print("add", a, b)
    return a + b


async def main(x):
    print("main start", x)
    r = await add(x, 10)
    print("got", r)
    r2 = await add(r, r)
    print("got", r2)
    return r2 * 2


print("before run")
result = asyncio.run(main(1))
print("result", result)
print("second run", asyncio.run(main(5)))


async def nothing():
    pass


print("none result", asyncio.run(nothing()))
c = nothing()
print(asyncio.iscoroutine(c), asyncio.iscoroutinefunction(nothing), asyncio.iscoroutinefunction(print))
print(asyncio.run(c))
try:
    asyncio.run(42)
except ValueError as e:
    print("ValueError", e)
print("done")
