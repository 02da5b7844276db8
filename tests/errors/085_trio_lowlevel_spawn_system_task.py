# expect-stderr: :11:19: error:
# expect-stderr: 'trio.lowlevel.spawn_system_task' is not supported by the simulator
# expect-exit: 1
import trio


async def helper():
    pass

async def main():
    trio.lowlevel.spawn_system_task(helper)

trio.run(main)
