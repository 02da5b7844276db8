# A coroutine, a generator and an async generator hand an iterator with a
# Python __next__ to builtins that consume it whole (list, tuple, sorted,
# sum, str.join, dict, set): each item is fetched by running that
# __next__ on the caller's stack.
import asyncio


class Countdown:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n


class Words:
    def __init__(self, *words):
        self.words = list(words)

    def __iter__(self):
        return self

    def __next__(self):
        if not self.words:
            raise StopIteration
        return self.words.pop(0)


# each call that consumes `it` is at its function's deepest stack
async def as_list(it):
    await asyncio.sleep(0)
    return list(it)


async def as_sorted(it):
    return sorted(it)


async def as_sum(it):
    return sum(it)


async def joined(it):
    return "-".join(it)


async def gather_numbers(tag):
    a = await as_list(Countdown(4))
    c = await as_sorted(Countdown(5))
    d = await as_sum(Countdown(6))
    e = await joined(Words("red", "green", "blue"))
    await asyncio.sleep(0)
    return tag, a, c, d, e


def numbers_gen(it):
    yield list(it)


def words_gen(it):
    yield tuple(it)


async def agen(it):
    yield set(it)
    await asyncio.sleep(0)


async def main():
    results = await asyncio.gather(*(gather_numbers(t) for t in ("one", "two")))
    for r in results:
        print(r)
    print(list(numbers_gen(Countdown(3))), list(words_gen(Words("a", "b"))))
    print([sorted(x) async for x in agen(Countdown(3))])


asyncio.run(main())
