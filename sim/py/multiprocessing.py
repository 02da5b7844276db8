# The parts of multiprocessing written in Python, as in CPython: Process.run,
# the exceptions and JoinableQueue.  The contexts, multiprocessing.pool and
# the managers are the second part (multiprocessing_extra.py), run the
# first time a program asks for one of their names, so `import
# multiprocessing` (and asyncio, which imports concurrent.futures) costs
# no more for them.

from queue import Empty, Full

def _process_run(self):
    if self._target is not None:
        self._target(*self._args, **self._kwargs)


class ProcessError(Exception):
    __module__ = "multiprocessing.context"


class BufferTooShort(ProcessError):
    __module__ = "multiprocessing.context"


class TimeoutError(ProcessError):
    __module__ = "multiprocessing.context"


class AuthenticationError(ProcessError):
    __module__ = "multiprocessing.context"


class JoinableQueue(Queue):
    # As in CPython: a count of unfinished items, shared by every process
    # holding the queue, and a condition join() waits on until it is zero.
    def __init__(self, maxsize=0):
        Queue.__init__(self, maxsize)
        self._unfinished_tasks = Value("i", 0)
        self._cond = Condition()

    def put(self, obj, block=True, timeout=None):
        # counted before it is sent, so a get and task_done in another
        # process can never see the item before its count
        with self._cond:
            self._unfinished_tasks.value += 1
        try:
            Queue.put(self, obj, block, timeout)
        except BaseException:
            with self._cond:
                self._unfinished_tasks.value -= 1
            raise

    def put_nowait(self, obj):
        self.put(obj, False)

    def task_done(self):
        with self._cond:
            if self._unfinished_tasks.value <= 0:
                raise ValueError("task_done() called too many times")
            self._unfinished_tasks.value -= 1
            if self._unfinished_tasks.value == 0:
                self._cond.notify_all()

    def join(self):
        with self._cond:
            while self._unfinished_tasks.value:
                self._cond.wait()
