# expect-stdout: main done
# expect-stdout: after run
# expect-stderr: Task exception was never retrieved
# expect-stderr: line 9, in bad
# expect-stderr: ValueError: lost
# expect-exit: 0
import asyncio
async def bad():
    raise ValueError("lost")
async def main():
    asyncio.create_task(bad())
    await asyncio.sleep(0.01)
    print("main done")
asyncio.run(main())
print("after run")
