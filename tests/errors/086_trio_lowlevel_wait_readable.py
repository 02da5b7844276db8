# expect-stderr: :5:39: error:
# expect-stderr: cannot import name 'wait_readable' from 'trio.lowlevel' (not supported by the simulator)
# expect-exit: 1
import trio
from trio.lowlevel import checkpoint, wait_readable


async def main():
    await checkpoint()
    await wait_readable(0)

trio.run(main)
