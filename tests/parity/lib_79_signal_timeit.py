# signal handlers as worker pools install them, raise_signal, and timeit with callables
import multiprocessing
import signal
import timeit


def init_worker():
    # the usual pool initializer: workers leave Ctrl-C to the parent
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def square(n):
    return n * n, signal.getsignal(signal.SIGINT) == signal.SIG_IGN


def on_usr1(signum, frame):
    print("handler called for", signal.Signals(signum).name)


if __name__ == "__main__":
    print("default SIGINT handler:", signal.getsignal(signal.SIGINT) is signal.default_int_handler)
    with multiprocessing.Pool(2, initializer=init_worker) as pool:
        results = pool.map(square, range(5))
    print("squares:", [r[0] for r in results], "workers ignored SIGINT:", all(r[1] for r in results))
    print("parent still has the default:", signal.getsignal(signal.SIGINT) is signal.default_int_handler)
    previous = signal.signal(signal.SIGUSR1, on_usr1)
    print("previous SIGUSR1 handler is SIG_DFL:", previous == signal.SIG_DFL)
    signal.raise_signal(signal.SIGUSR1)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.raise_signal(signal.SIGINT)
    print("ignored SIGINT")
    signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        signal.raise_signal(signal.SIGINT)
    except KeyboardInterrupt:
        print("default handler raised KeyboardInterrupt")
    print("names:", signal.Signals.SIGTERM if hasattr(signal.Signals, "SIGTERM") else "", signal.strsignal(signal.SIGTERM))
    timer = timeit.Timer(lambda: sorted(range(50, 0, -1)))
    runs = timer.repeat(repeat=3, number=100)
    print("timeit gave", len(runs), "positive timings:", all(t > 0 for t in runs))
    print("timeit.timeit:", timeit.timeit(lambda: None, number=10) >= 0)
