# expect-stderr: :7:21: error:
# expect-stderr: 'trio.abc.SendChannel' is not supported by the simulator
# expect-exit: 1
import trio.abc


class Pipe(trio.abc.SendChannel):
    async def send(self, value):
        print(value)
