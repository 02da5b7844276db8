# signal, simulated: what concurrency programs use it for - installing a
# handler (Ctrl-C in workers, SIG_IGN in pool initializers) and raising a
# signal at themselves.  No signal ever arrives from outside a simulation.
SIG_DFL = 0
SIG_IGN = 1
NSIG = 65

SIGHUP = 1
SIGINT = 2
SIGQUIT = 3
SIGILL = 4
SIGTRAP = 5
SIGABRT = 6
SIGBUS = 7
SIGFPE = 8
SIGKILL = 9
SIGUSR1 = 10
SIGSEGV = 11
SIGUSR2 = 12
SIGPIPE = 13
SIGALRM = 14
SIGTERM = 15
SIGCHLD = 17
SIGCONT = 18
SIGSTOP = 19

_names = {1: 'SIGHUP', 2: 'SIGINT', 3: 'SIGQUIT', 4: 'SIGILL', 5: 'SIGTRAP', 6: 'SIGABRT', 7: 'SIGBUS',
          8: 'SIGFPE', 9: 'SIGKILL', 10: 'SIGUSR1', 11: 'SIGSEGV', 12: 'SIGUSR2', 13: 'SIGPIPE', 14: 'SIGALRM',
          15: 'SIGTERM', 17: 'SIGCHLD', 18: 'SIGCONT', 19: 'SIGSTOP'}


class Signals:
    # signal.Signals(2): the number with its name (an int enum in CPython)
    def __init__(self, value):
        if value not in _names:
            raise ValueError("%r is not a valid Signals" % (value,))
        self.value = value
        self.name = _names[value]

    def __int__(self):
        return self.value

    __index__ = __int__

    def __eq__(self, other):
        return self.value == (other.value if isinstance(other, Signals) else other)

    def __hash__(self):
        return hash(self.value)

    def __repr__(self):
        return "<Signals.%s: %d>" % (self.name, self.value)

    def __str__(self):
        return str(self.value)


for _v, _n in _names.items():
    setattr(Signals, _n, Signals(_v))


def default_int_handler(signalnum, frame):
    raise KeyboardInterrupt


# Each process has its own handlers (module state is shared by the
# simulated processes): a child starts with its parent's, as after fork.
_tables = {}


def _table():
    import os
    pid = os.getpid()
    t = _tables.get(pid)
    if t is None:
        parent = _tables.get(os.getppid())
        t = _tables[pid] = dict(parent) if parent is not None else {SIGINT: default_int_handler}
    return t


def _check(signalnum):
    if not isinstance(signalnum, int):
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(signalnum).__name__)
    if not 1 <= signalnum < NSIG:
        raise ValueError("signal number out of range")


def getsignal(signalnum):
    _check(signalnum)
    return _table().get(signalnum, SIG_DFL)


def signal(signalnum, handler):
    _check(signalnum)
    if signalnum in (SIGKILL, SIGSTOP):
        raise OSError(22, "Invalid argument")
    if handler not in (SIG_DFL, SIG_IGN) and not callable(handler):
        raise TypeError("signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object")
    t = _table()
    old = t.get(signalnum, SIG_DFL)
    t[signalnum] = handler
    return old


def strsignal(signalnum):
    _check(signalnum)
    return {SIGINT: 'Interrupt', SIGTERM: 'Terminated', SIGKILL: 'Killed', SIGHUP: 'Hangup',
            SIGALRM: 'Alarm clock', SIGUSR1: 'User defined signal 1', SIGUSR2: 'User defined signal 2'}.get(
        signalnum, 'Unknown signal %d' % signalnum)


def raise_signal(signalnum):
    # delivered at once, to the calling thread, as CPython runs handlers
    _check(signalnum)
    h = _table().get(signalnum, SIG_DFL)
    if h == SIG_IGN:
        return
    if h == SIG_DFL:
        if signalnum in (SIGCHLD, SIGCONT):
            return
        raise SystemExit(128 + signalnum)
    h(signalnum, None)


def alarm(seconds):
    raise NotImplementedError("signal.alarm() is not supported by the simulator (no signal arrives from outside)")


def pause():
    raise NotImplementedError("signal.pause() would wait forever: no signal arrives in the simulator")


def valid_signals():
    return set(range(1, NSIG))
