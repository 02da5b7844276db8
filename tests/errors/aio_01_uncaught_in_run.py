# expect-stdout: start
# expect-stderr: Traceback (most recent call last):
# expect-stderr: line 22, in <module>
# expect-stderr: line 18, in main
# expect-stderr: line 13, in inner
# expect-stderr: ValueError: bad value 3
# expect-exit: 1
import asyncio


async def inner(x):
    await asyncio.sleep(0)
    raise ValueError(f"bad value {x}")


async def main():
    print("start")
    await inner(3)
    print("not reached")


asyncio.run(main())
print("not reached either")
