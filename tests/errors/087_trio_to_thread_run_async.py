# expect-stderr: :9:26: error:
# expect-stderr: 'trio.to_thread.run_async' is not supported by the simulator
# expect-exit: 1
import trio.to_thread


async def main():
    print("start")
    await trio.to_thread.run_async(print, "in a thread")

trio.run(main)
