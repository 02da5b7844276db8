# itertools' infinite iterators tamed with islice/takewhile/dropwhile: a round-robin scheduler
from itertools import count, cycle, repeat, islice, takewhile, dropwhile

ticket = count(1000, 5)
print("tickets:", [next(ticket) for _ in range(4)])
print("floats:", list(islice(count(0.5, 0.25), 5)))
print("descending:", list(islice(count(10, -3), 5)))

workers = cycle(["alpha", "beta", "gamma"])
tasks = ["build", "test", "lint", "deploy", "docs", "bench", "release"]
for task, worker in zip(tasks, workers):
    print(f"  {task:<8} -> {worker}")
print("next worker after assignment:", next(workers))

print("repeat:", list(repeat("ab", 3)))
print("squares via map+repeat:", list(map(pow, range(6), repeat(2))))
print("zeros row:", list(repeat(0, 5)))

readings = [3, 5, 8, 13, 7, 2, 9, 21, 4]
print("takewhile < 10:", list(takewhile(lambda r: r < 10, readings)))
print("dropwhile < 10:", list(dropwhile(lambda r: r < 10, readings)))
print("islice(2, 8, 2):", list(islice(readings, 2, 8, 2)))
print("islice(None):", list(islice(readings, None, 3)))

header_and_body = ["# comment", "# another", "data 1", "# not header", "data 2"]
print("body:", list(dropwhile(lambda l: l.startswith("#"), header_and_body)))

collatz_start = 27


def collatz(n):
    while True:
        yield n
        n = n // 2 if n % 2 == 0 else 3 * n + 1


steps = list(takewhile(lambda n: n != 1, collatz(collatz_start)))
print("collatz(27) steps:", len(steps), "peak:", max(steps))
labels = (f"{c}{n}" for c, n in zip(cycle("AB"), count(1)))
print("labels:", list(islice(labels, 6)))
