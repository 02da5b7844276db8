# Shared counters made through a context and through a manager, side by side
import multiprocessing
import multiprocessing.managers


def add(counter, n):
    for _ in range(n):
        with counter.get_lock():
            counter.value += 1


if __name__ == "__main__":
    ctx = multiprocessing.get_context("fork")
    counter = ctx.Value("i")
    totals = ctx.Array("d", 3)
    workers = [ctx.Process(target=add, args=(counter, 50)) for _ in range(3)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    totals[0] = counter.value
    print("context counter:", counter.value, list(totals))
    plain = multiprocessing.Value("i")
    print("plain counter starts at", plain.value, type(plain) is type(counter))
    with multiprocessing.Manager() as manager:
        shared = manager.Value("i", 10)
        shared.value += 5
        print("manager value:", shared.value, multiprocessing.managers.Value("i", 1))
