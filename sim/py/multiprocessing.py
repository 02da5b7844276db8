# The parts of multiprocessing written in Python, as in CPython: Process.run
# and Pool.  Pool's workers are processes reading tasks from one queue and
# writing results to another; the parent collects results when asked.

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


def _mapstar(func, chunk):
    return [func(x) for x in chunk]


def _starmapstar(func, chunk):
    return [func(*x) for x in chunk]


def _pool_worker(inqueue, outqueue, initializer=None, initargs=()):
    if initializer is not None:
        initializer(*initargs)
    while True:
        task = inqueue.get()
        if task is None:
            break
        job, i, func, args, kwds = task
        try:
            result = (True, func(*args, **kwds))
        except Exception as e:
            result = (False, e)
        outqueue.put((job, i, result))


class AsyncResult:
    def __init__(self, pool, job, parts, chunked):
        self._pool = pool
        self._job = job
        self._parts = parts
        self._chunked = chunked
        self._values = [None] * parts
        self._missing = parts
        self._error = None

    def ready(self):
        return self._missing == 0

    def successful(self):
        if self._missing:
            raise ValueError("{0!r} not ready".format(self))
        return self._error is None

    def wait(self, timeout=None):
        self._pool._collect(self, timeout)

    def get(self, timeout=None):
        self._pool._collect(self, timeout)
        if self._missing:
            raise TimeoutError
        if self._error is not None:
            raise self._error
        if not self._chunked:
            return self._values[0]
        out = []
        for part in self._values:
            out.extend(part)
        return out


class Pool:
    def __init__(self, processes=None, initializer=None, initargs=()):
        if processes is None:
            processes = cpu_count()
        if processes < 1:
            raise ValueError("Number of processes must be at least 1")
        if initializer is not None and not callable(initializer):
            raise TypeError('initializer must be a callable')
        self._inqueue = Queue()
        self._outqueue = Queue()
        self._jobs = {}
        self._next_job = 0
        self._state = "RUN"
        self._pool = []
        kind = get_start_method().capitalize()
        for i in range(processes):
            p = Process(target=_pool_worker, args=(self._inqueue, self._outqueue, initializer, initargs))
            p.name = "%sPoolWorker-%d" % (kind, i + 1)
            p.daemon = True
            p.start()
            self._pool.append(p)

    def _check_running(self):
        if self._state != "RUN":
            raise ValueError("Pool not running")

    def _submit(self, func, items, chunksize, star):
        self._check_running()
        job = self._next_job
        self._next_job += 1
        if chunksize is None:
            chunksize, extra = divmod(len(items), len(self._pool) * 4)
            if extra:
                chunksize += 1
        if chunksize < 1:
            chunksize = 1
        chunks = [items[i:i + chunksize] for i in range(0, len(items), chunksize)]
        result = AsyncResult(self, job, len(chunks), True)
        self._jobs[job] = result
        helper = _starmapstar if star else _mapstar
        for i, chunk in enumerate(chunks):
            self._inqueue.put((job, i, helper, (func, chunk), {}))
        return result

    def _collect(self, result, timeout=None):
        # results of every job arrive on one queue: file each where it belongs
        while result._missing:
            try:
                job, i, (ok, value) = self._outqueue.get(timeout=timeout)
            except Empty:
                return
            r = self._jobs[job]
            if ok:
                r._values[i] = value
            elif r._error is None:
                r._error = value
            r._missing -= 1

    def map(self, func, iterable, chunksize=None):
        return self._submit(func, list(iterable), chunksize, False).get()

    def starmap(self, func, iterable, chunksize=None):
        return self._submit(func, list(iterable), chunksize, True).get()

    def map_async(self, func, iterable, chunksize=None):
        return self._submit(func, list(iterable), chunksize, False)

    def starmap_async(self, func, iterable, chunksize=None):
        return self._submit(func, list(iterable), chunksize, True)

    def imap(self, func, iterable, chunksize=1):
        return iter(self.map(func, iterable, chunksize))

    def imap_unordered(self, func, iterable, chunksize=1):
        return iter(self.map(func, iterable, chunksize))

    def apply_async(self, func, args=(), kwds={}):
        self._check_running()
        job = self._next_job
        self._next_job += 1
        result = AsyncResult(self, job, 1, False)
        self._jobs[job] = result
        self._inqueue.put((job, 0, func, args, kwds))
        return result

    def apply(self, func, args=(), kwds={}):
        return self.apply_async(func, args, kwds).get()

    def close(self):
        if self._state == "RUN":
            self._state = "CLOSE"
            for p in self._pool:
                self._inqueue.put(None)

    def terminate(self):
        self._state = "TERMINATE"
        for p in self._pool:
            p.terminate()

    def join(self):
        if self._state == "RUN":
            raise ValueError("Pool is still running")
        for p in self._pool:
            p.join()

    def __enter__(self):
        self._check_running()
        return self

    def __exit__(self, *exc):
        self.terminate()
