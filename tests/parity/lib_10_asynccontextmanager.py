# contextlib.asynccontextmanager: an async connection pool and timing scope
import asyncio
from contextlib import asynccontextmanager


class Pool:
    def __init__(self, size):
        self.free = [f"conn{i}" for i in range(size)]
        self.log = []

    @asynccontextmanager
    async def connection(self, user):
        while not self.free:
            await asyncio.sleep(0.01)
        conn = self.free.pop(0)
        self.log.append(f"{user}+{conn}")
        try:
            yield conn
        finally:
            self.free.append(conn)
            self.log.append(f"{user}-{conn}")


async def job(pool, user, steps):
    async with pool.connection(user) as conn:
        for _ in range(steps):
            await asyncio.sleep(0.01)
        return f"{user} used {conn}"


@asynccontextmanager
async def guarded(label):
    print(f"enter {label}")
    try:
        yield label
    except KeyError as e:
        print(f"{label} handled {e!r}")
    finally:
        print(f"exit {label}")


async def main():
    pool = Pool(2)
    results = await asyncio.gather(job(pool, "ann", 3), job(pool, "bob", 7), job(pool, "cat", 1))
    for r in results:
        print(r)
    print(pool.log)
    async with guarded("first") as name:
        print("inside", name)
    async with guarded("second"):
        raise KeyError("k")
    print("after second")
    try:
        async with guarded("third"):
            raise ValueError("v")
    except ValueError as e:
        print("escaped:", e)


asyncio.run(main())
