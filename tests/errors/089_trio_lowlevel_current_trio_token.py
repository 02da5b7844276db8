# expect-stderr: :8:22: error:
# expect-stderr: 'trio.lowlevel.current_trio_token' is not supported by the simulator
# expect-exit: 1
from trio import lowlevel
import trio

async def main():
    token = lowlevel.current_trio_token()
    print(token)

trio.run(main)
