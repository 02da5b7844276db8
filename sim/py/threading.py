# The parts of the threading module that CPython writes in Python, and the
# simulator too: they run as bytecode on the simulated thread, costing
# virtual time like the real thing.

def run(self):
    if self._target is not None:
        self._target(*self._args, **self._kwargs)
