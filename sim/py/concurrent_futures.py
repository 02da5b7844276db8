# concurrent.futures, written in Python as in CPython: a Future guarded by
# a Condition, a ThreadPoolExecutor whose worker threads take work from a
# queue, a ProcessPoolExecutor whose worker processes do the same through
# multiprocessing queues, and as_completed/wait built on an Event.

from threading import Condition, Event, Lock, Semaphore, Thread, _register_atexit
from queue import SimpleQueue
from multiprocessing import Process, Queue, cpu_count

FIRST_COMPLETED = 'FIRST_COMPLETED'
FIRST_EXCEPTION = 'FIRST_EXCEPTION'
ALL_COMPLETED = 'ALL_COMPLETED'


class CancelledError(Exception):
    pass


class BrokenExecutor(RuntimeError):
    pass


class BrokenThreadPool(BrokenExecutor):
    __module__ = "concurrent.futures.thread"


class BrokenProcessPool(BrokenExecutor):
    __module__ = "concurrent.futures.process"


def _log_initializer_failure():
    # as CPython: logged at CRITICAL on the concurrent.futures logger (with
    # no handler, logging's last resort prints it on stderr)
    import logging
    logging.getLogger("concurrent.futures").critical("Exception in initializer:", exc_info=True)


class Future:
    def __init__(self):
        self._condition = Condition()
        self._state = 'PENDING'
        self._result = None
        self._exception = None
        self._waiters = []
        self._done_callbacks = []

    def __repr__(self):
        with self._condition:
            if self._state == 'FINISHED':
                if self._exception:
                    return '<Future state=finished raised %s>' % type(self._exception).__name__
                return '<Future state=finished returned %s>' % type(self._result).__name__
            return '<Future state=%s>' % self._state.lower()

    def cancel(self):
        with self._condition:
            if self._state in ('RUNNING', 'FINISHED'):
                return False
            if self._state == 'CANCELLED':
                return True
            self._state = 'CANCELLED'
            for w in self._waiters:
                w.add(self)
            self._condition.notify_all()
        self._invoke_callbacks()
        return True

    def cancelled(self):
        return self._state == 'CANCELLED'

    def running(self):
        return self._state == 'RUNNING'

    def done(self):
        return self._state in ('CANCELLED', 'FINISHED')

    def _get_result(self):
        if self._exception is not None:
            raise self._exception
        return self._result

    def result(self, timeout=None):
        with self._condition:
            if self._state == 'CANCELLED':
                raise CancelledError()
            if self._state == 'FINISHED':
                return self._get_result()
            self._condition.wait(timeout)
            if self._state == 'CANCELLED':
                raise CancelledError()
            if self._state == 'FINISHED':
                return self._get_result()
            raise TimeoutError()

    def exception(self, timeout=None):
        with self._condition:
            if self._state == 'CANCELLED':
                raise CancelledError()
            if self._state == 'FINISHED':
                return self._exception
            self._condition.wait(timeout)
            if self._state == 'CANCELLED':
                raise CancelledError()
            if self._state == 'FINISHED':
                return self._exception
            raise TimeoutError()

    def add_done_callback(self, fn):
        with self._condition:
            if self._state not in ('CANCELLED', 'FINISHED'):
                self._done_callbacks.append(fn)
                return
        fn(self)

    def _invoke_callbacks(self):
        for callback in self._done_callbacks:
            try:
                callback(self)
            except Exception as e:
                print('exception calling callback for', self, ':', e)

    def set_running_or_notify_cancel(self):
        with self._condition:
            if self._state == 'CANCELLED':
                return False
            self._state = 'RUNNING'
            return True

    def set_result(self, result):
        with self._condition:
            self._result = result
            self._state = 'FINISHED'
            for w in self._waiters:
                w.add(self)
            self._condition.notify_all()
        self._invoke_callbacks()

    def set_exception(self, exception):
        with self._condition:
            self._exception = exception
            self._state = 'FINISHED'
            for w in self._waiters:
                w.add(self)
            self._condition.notify_all()
        self._invoke_callbacks()


class _Waiter:
    # collects futures as they finish, in the order they finish
    def __init__(self):
        self.event = Event()
        self.finished = []

    def add(self, f):
        self.finished.append(f)
        self.event.set()


class _AsCompleted:
    def __init__(self, fs, timeout):
        self._timeout = timeout
        self._waiter = _Waiter()
        self._pending = []
        self._ready = []
        self._total = 0
        for f in fs:
            if f in self._pending or f in self._ready:
                continue
            self._total += 1
            with f._condition:
                if f.done():
                    self._ready.append(f)
                else:
                    self._pending.append(f)
                    f._waiters.append(self._waiter)

    def __iter__(self):
        return self

    def __next__(self):
        while True:
            if self._ready:
                return self._ready.pop(0)
            if not self._pending:
                raise StopIteration
            while self._waiter.finished:
                f = self._waiter.finished.pop(0)
                if f in self._pending:
                    self._pending.remove(f)
                    f._waiters.remove(self._waiter)
                    self._ready.append(f)
            if self._ready:
                continue
            self._waiter.event.clear()
            if not self._waiter.event.wait(self._timeout):
                raise TimeoutError('%d (of %d) futures unfinished' % (len(self._pending), self._total))


def as_completed(fs, timeout=None):
    return _AsCompleted(fs, timeout)


class DoneAndNotDoneFutures:
    def __init__(self, done, not_done):
        self.done = done
        self.not_done = not_done

    def __iter__(self):
        return iter((self.done, self.not_done))

    def __repr__(self):
        return 'DoneAndNotDoneFutures(done=%r, not_done=%r)' % (self.done, self.not_done)


def wait(fs, timeout=None, return_when=ALL_COMPLETED):
    fs = list(fs)
    waiter = _Waiter()
    for f in fs:
        f._waiters.append(waiter)
    while True:
        done = [f for f in fs if f.done()]
        if return_when == FIRST_COMPLETED and done:
            break
        if return_when == FIRST_EXCEPTION and any(f._exception is not None for f in done):
            break
        if len(done) == len(fs):
            break
        waiter.event.clear()
        if not waiter.event.wait(timeout):
            break
    for f in fs:
        f._waiters.remove(waiter)
    done = set(f for f in fs if f.done())
    return DoneAndNotDoneFutures(done, set(fs) - done)


class _ResultIterator:
    # Executor.map's results, in order, each waited for when needed
    def __init__(self, fs, timeout):
        self._fs = fs
        self._timeout = timeout
        self._i = 0

    def __iter__(self):
        return self

    def __next__(self):
        if self._i >= len(self._fs):
            raise StopIteration
        f = self._fs[self._i]
        self._i += 1
        return f.result(self._timeout)


class Executor:
    def submit(self, fn, /, *args, **kwargs):
        raise NotImplementedError()

    def map(self, fn, *iterables, timeout=None, chunksize=1):
        fs = [self.submit(fn, *args) for args in zip(*iterables)]
        return _ResultIterator(fs, timeout)

    def shutdown(self, wait=True, *, cancel_futures=False):
        pass

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.shutdown(wait=True)
        return False


# Every pool's queue, per process: at exit (threading._register_atexit)
# each gets a None, so idle workers stop once the queued work is done, and
# the workers are joined.
_threads_queues = {}
_global_shutdown = set()


def _python_exit():
    from os import getpid
    _global_shutdown.add(getpid())
    items = _threads_queues.pop(getpid(), [])
    for t, q in items:
        q.put(None)
    for t, q in items:
        t.join()


_registered = set()


def _ensure_exit_hook():
    # registered at import, as CPython does; once per process
    from os import getpid
    if getpid() not in _registered:
        _registered.add(getpid())
        _register_atexit(_python_exit)


_ensure_exit_hook()


def _thread_worker(executor, work_queue, idle, initializer, initargs):
    if initializer is not None:
        try:
            initializer(*initargs)
        except BaseException:
            _log_initializer_failure()
            executor._initializer_failed()
            return
    while True:
        item = work_queue.get()
        if item is None:
            work_queue.put(None)
            return
        f, fn, args, kwargs = item
        if not f.set_running_or_notify_cancel():
            continue
        try:
            result = fn(*args, **kwargs)
        except BaseException as exc:
            f.set_exception(exc)
        else:
            f.set_result(result)
        idle.release()


class ThreadPoolExecutor(Executor):
    _counter = 0

    def __init__(self, max_workers=None, thread_name_prefix='', initializer=None, initargs=()):
        if max_workers is None:
            max_workers = min(32, cpu_count() + 4)
        if max_workers <= 0:
            raise ValueError("max_workers must be greater than 0")
        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")
        self._initializer = initializer
        self._initargs = initargs
        self._broken = False
        self._max_workers = max_workers
        self._work_queue = SimpleQueue()
        self._idle = Semaphore(0)
        self._threads = []
        self._shutdown = False
        self._shutdown_lock = Lock()
        self._prefix = thread_name_prefix or ("ThreadPoolExecutor-%d" % ThreadPoolExecutor._counter)
        ThreadPoolExecutor._counter += 1

    def submit(self, fn, /, *args, **kwargs):
        with self._shutdown_lock:
            if self._broken:
                raise BrokenThreadPool(self._broken)
            if self._shutdown:
                raise RuntimeError('cannot schedule new futures after shutdown')
            from os import getpid
            if getpid() in _global_shutdown:
                raise RuntimeError('cannot schedule new futures after interpreter shutdown')
            f = Future()
            self._work_queue.put((f, fn, args, kwargs))
            # a new worker only when none is idle, as CPython does
            if not self._idle.acquire(timeout=0) and len(self._threads) < self._max_workers:
                t = Thread(name='%s_%d' % (self._prefix, len(self._threads)), target=_thread_worker,
                           args=(self, self._work_queue, self._idle, self._initializer, self._initargs))
                t.start()
                self._threads.append(t)
                _ensure_exit_hook()
                _threads_queues.setdefault(getpid(), []).append((t, self._work_queue))
            return f

    def _initializer_failed(self):
        # a worker's initializer raised: the pool is broken, and the work
        # still queued fails with BrokenThreadPool
        with self._shutdown_lock:
            self._broken = 'A thread initializer failed, the thread pool is not usable anymore'
            while not self._work_queue.empty():
                item = self._work_queue.get_nowait()
                if item is not None:
                    item[0].set_exception(BrokenThreadPool(self._broken))

    def shutdown(self, wait=True, *, cancel_futures=False):
        with self._shutdown_lock:
            self._shutdown = True
            if cancel_futures:
                while not self._work_queue.empty():
                    item = self._work_queue.get_nowait()
                    if item is not None:
                        item[0].cancel()
            self._work_queue.put(None)
        if wait:
            for t in self._threads:
                t.join()


def _process_worker(call_queue, result_queue, initializer=None, initargs=()):
    if initializer is not None:
        try:
            initializer(*initargs)
        except BaseException:
            _log_initializer_failure()
            # the executor learns that this worker is gone
            result_queue.put((None, False, None))
            return
    while True:
        item = call_queue.get()
        if item is None:
            return
        work_id, fn, args, kwargs = item
        try:
            r = fn(*args, **kwargs)
        except BaseException as e:
            result_queue.put((work_id, False, e))
        else:
            result_queue.put((work_id, True, r))


class ProcessPoolExecutor(Executor):
    def __init__(self, max_workers=None, mp_context=None, initializer=None, initargs=()):
        if max_workers is None:
            max_workers = cpu_count()
        if max_workers <= 0:
            raise ValueError("max_workers must be greater than 0")
        if max_workers > 2147483646:
            # CPython's call queue sizes a C int semaphore with it
            raise OverflowError("Python int too large to convert to C int")
        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")
        process_class = Process if mp_context is None else mp_context.Process
        self._call_queue = Queue()
        self._result_queue = Queue()
        self._pending = {}
        self._next_id = 0
        self._shutdown = False
        self._broken = False
        self._processes = []
        for i in range(max_workers):
            # the initializer travels only when there is one: a plain
            # pool's workers cost what they did
            args = (self._call_queue, self._result_queue)
            if initializer is not None:
                args += (initializer, initargs)
            p = process_class(target=_process_worker, args=args)
            p.daemon = True
            p.start()
            self._processes.append(p)
        self._manager = Thread(target=self._manage, name='ProcessPoolExecutor-manager', daemon=True)
        self._manager.start()

    def _manage(self):
        # the parent's thread that completes futures as results come back
        while True:
            item = self._result_queue.get()
            if item is None:
                return
            work_id, ok, value = item
            if work_id is None:
                # a worker's initializer failed: the pool is broken
                self._broken = 'A child process terminated abruptly, the process pool is not usable anymore'
                for f in self._pending.values():
                    f.set_exception(BrokenProcessPool(
                        'A process in the process pool was terminated abruptly while the future was running or pending.'))
                self._pending.clear()
                continue
            f = self._pending.pop(work_id)
            if ok:
                f.set_result(value)
            else:
                f.set_exception(value)

    def submit(self, fn, /, *args, **kwargs):
        if self._broken:
            raise BrokenProcessPool(self._broken)
        if self._shutdown:
            raise RuntimeError('cannot schedule new futures after shutdown')
        f = Future()
        work_id = self._next_id
        self._next_id += 1
        self._pending[work_id] = f
        f.set_running_or_notify_cancel()
        self._call_queue.put((work_id, fn, args, kwargs))
        return f

    def shutdown(self, wait=True, *, cancel_futures=False):
        if self._shutdown:
            return
        self._shutdown = True
        for p in self._processes:
            self._call_queue.put(None)
        if wait:
            for p in self._processes:
                p.join()
            self._result_queue.put(None)
            self._manager.join()


# what `import concurrent.futures.thread` (and .process) fill the submodules with
_submodules = {
    "thread": {"ThreadPoolExecutor": ThreadPoolExecutor, "BrokenThreadPool": BrokenThreadPool},
    "process": {"ProcessPoolExecutor": ProcessPoolExecutor, "BrokenProcessPool": BrokenProcessPool},
}
