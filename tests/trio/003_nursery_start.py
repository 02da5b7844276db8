# nursery.start(): wait until a child reports it is ready with task_status.started()
import trio

log = []


async def server(name, port, *, task_status=trio.TASK_STATUS_IGNORED):
    await trio.sleep(0.1)
    print(f"{name}: listening on port {port}")
    task_status.started(port)
    await trio.sleep(0.2)
    print(f"{name}: shutting down")


async def broken_server(*, task_status=trio.TASK_STATUS_IGNORED):
    await trio.sleep(0.05)
    raise OSError("address already in use")


async def worker(*, task_status=trio.TASK_STATUS_IGNORED):
    task_status.started()
    await trio.sleep(0.1)


async def main():
    async with trio.open_nursery() as nursery:
        port = await nursery.start(server, "web", 8080)
        print("main: web server ready on", port)
        other = await nursery.start(server, "api", 9090)
        print("main: api server ready on", other)
        print("started() with no value gives", await nursery.start(worker))
    print("main: all servers stopped")
    async with trio.open_nursery() as nursery:
        try:
            await nursery.start(broken_server)
        except OSError as e:
            print("start() raised before started():", e)
    await server("direct", 7000)
    print("calling directly works too: TASK_STATUS_IGNORED")


trio.run(main)
