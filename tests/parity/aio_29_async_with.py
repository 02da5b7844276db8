import asyncio


class Resource:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress

    async def __aenter__(self):
        print("enter", self.name)
        await asyncio.sleep(0)
        return self.name.upper()

    async def __aexit__(self, exc_type, exc, tb):
        await asyncio.sleep(0)
        print("exit", self.name, exc_type.__name__ if exc_type else None, exc)
        return self.suppress


async def main():
    async with Resource("a") as v:
        print("body", v)
    async with Resource("outer") as o, Resource("inner") as i:
        print("both", o, i)
    async with Resource("quiet", suppress=True):
        raise ValueError("suppressed")
    print("after suppressed")
    try:
        async with Resource("loud"):
            raise ValueError("not suppressed")
    except ValueError as e:
        print("propagated", e)

    async def early():
        async with Resource("ret"):
            return "returned from inside"
    print(await early())
    for k in range(3):
        async with Resource(f"loop{k}"):
            if k == 1:
                continue
            print("loop body", k)
    try:
        async with object():
            pass
    except (TypeError, AttributeError) as e:
        print("not an async cm:", type(e).__name__)


asyncio.run(main())
