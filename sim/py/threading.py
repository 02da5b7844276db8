# The parts of the threading module that CPython writes in Python, and the
# simulator too: they run as bytecode on the simulated thread, costing
# virtual time like the real thing.

def run(self):
    if self._target is not None:
        self._target(*self._args, **self._kwargs)


# threading._register_atexit: functions that run when the main thread's
# code is done, before the non-daemon threads are joined (CPython's
# threading._shutdown calls them, newest first).  concurrent.futures uses
# it to finish the work queued in its thread pools.  The simulator's
# modules are shared by its processes: the lists are kept per process.
_threading_atexits = {}
_shutting_down = set()


def _register_atexit(func, *arg, **kwargs):
    from os import getpid
    if getpid() in _shutting_down:
        raise RuntimeError("can't register atexit after shutdown")
    _threading_atexits.setdefault(getpid(), []).append(lambda: func(*arg, **kwargs))


def _run_atexits():
    # called by the simulator, on the main thread, at its exit
    from os import getpid
    _shutting_down.add(getpid())
    for call in reversed(_threading_atexits.pop(getpid(), [])):
        call()

