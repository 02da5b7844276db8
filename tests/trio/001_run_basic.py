# trio.run with arguments and a return value; sleep, checkpoint, current_time
import trio


def about(seconds, expected):
    # real trio on a loaded machine wakes late, never early: a time up to a
    # quarter second past the expected one prints as that one (the
    # simulator's are exact), so the comparison with real trio holds
    return expected if expected - 0.005 <= seconds < expected + 0.25 else round(seconds, 3)


async def countdown(label, n, delay):
    start = trio.current_time()
    for i in range(n, 0, -1):
        print(f"{label}: {i}")
        await trio.sleep(delay)
    await trio.lowlevel.checkpoint()
    return f"{label} done after {about(trio.current_time() - start, round(n * delay, 1))} s"


async def main(name, count):
    print("hello from", name)
    print("current_time is a float:", isinstance(trio.current_time(), float))
    result = await countdown("launch", count, 0.1)
    print(result)
    await trio.sleep(0)
    print("sleep(0) is just a checkpoint")
    return count * 10


value = trio.run(main, "trio", 3)
print("trio.run returned", value)
print("a second run is independent:", trio.run(countdown, "again", 1, 0.2))
try:
    trio.run(main)
except TypeError as e:
    print("TypeError:", e)
try:
    trio.run(trio.sleep(1))
except TypeError as e:
    print("TypeError:", str(e).split(" <")[0])
