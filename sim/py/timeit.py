# timeit, simulated: timing on the virtual clock.  A statement given as a
# string would have to be compiled at run time, which the simulator does
# not do: pass a callable (timeit.timeit(lambda: f(x), number=1000)).
import time

default_timer = time.perf_counter
default_number = 1000000
default_repeat = 5
dummy_src_name = "<timeit-src>"


def _callable(stmt, what):
    if callable(stmt):
        return stmt
    if isinstance(stmt, str):
        if stmt.strip() in ('', 'pass'):
            return _nothing
        raise ValueError("timeit: a %s given as a string is not supported by the simulator (it cannot compile "
                         "code at run time); pass a callable, e.g. timeit.timeit(lambda: %s)" % (what, stmt.strip()))
    raise ValueError("%s is neither a string nor callable" % what)


def _nothing():
    pass


class Timer:
    def __init__(self, stmt="pass", setup="pass", timer=default_timer, globals=None):
        self.timer = timer
        self._stmt = _callable(stmt, "stmt")
        self._setup = _callable(setup, "setup")

    def timeit(self, number=default_number):
        self._setup()
        stmt = self._stmt
        t0 = self.timer()
        for _ in range(number):
            stmt()
        return self.timer() - t0

    def repeat(self, repeat=default_repeat, number=default_number):
        return [self.timeit(number) for _ in range(repeat)]

    def autorange(self, callback=None):
        i = 1
        while True:
            for j in 1, 2, 5:
                number = i * j
                time_taken = self.timeit(number)
                if callback:
                    callback(number, time_taken)
                if time_taken >= 0.2:
                    return (number, time_taken)
            i *= 10

    def print_exc(self, file=None):
        pass


def timeit(stmt="pass", setup="pass", timer=default_timer, number=default_number, globals=None):
    return Timer(stmt, setup, timer, globals).timeit(number)


def repeat(stmt="pass", setup="pass", timer=default_timer, repeat=default_repeat, number=default_number,
           globals=None):
    return Timer(stmt, setup, timer, globals).repeat(repeat, number)
