# expect-stderr: line 8, in main
# expect-stderr: TypeError: object int can't be used in 'await' expression
# expect-exit: 1
import asyncio


async def main():
    await 42


asyncio.run(main())
