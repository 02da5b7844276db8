# multiprocessing's second Python part (the first is multiprocessing.py):
# the contexts (get_context), multiprocessing.pool and the managers, run the
# first time a program asks the module for a name it lacks.  Its functions
# see the multiprocessing module's dict as their globals.

import threading
from queue import SimpleQueue as _ThreadQueue


# ---- contexts: get_context("spawn").Process starts with spawn ----

class ForkProcess(Process):
    __module__ = "multiprocessing.context"
    _start_method = "fork"


class SpawnProcess(Process):
    __module__ = "multiprocessing.context"
    _start_method = "spawn"


class ForkServerProcess(Process):
    __module__ = "multiprocessing.context"
    _start_method = "forkserver"


class BaseContext:
    __module__ = "multiprocessing.context"
    ProcessError = ProcessError
    BufferTooShort = BufferTooShort
    TimeoutError = TimeoutError
    AuthenticationError = AuthenticationError

    def get_context(self, method=None):
        return get_context(method)

    def get_start_method(self, allow_none=False):
        return self._name

    def set_start_method(self, method, force=False):
        set_start_method(method, force)

    def cpu_count(self):
        return cpu_count()

    def current_process(self):
        return current_process()

    def parent_process(self):
        return parent_process()

    def active_children(self):
        return active_children()

    def freeze_support(self):
        pass

    def Queue(self, maxsize=0):
        return Queue(maxsize)

    def SimpleQueue(self):
        return SimpleQueue()

    def JoinableQueue(self, maxsize=0):
        return JoinableQueue(maxsize)

    def Pipe(self, duplex=True):
        return Pipe(duplex)

    def Lock(self):
        return Lock()

    def RLock(self):
        return RLock()

    def Condition(self, lock=None):
        return Condition(lock)

    def Semaphore(self, value=1):
        return Semaphore(value)

    def BoundedSemaphore(self, value=1):
        return BoundedSemaphore(value)

    def Event(self):
        return Event()

    def Barrier(self, parties, action=None, timeout=None):
        return Barrier(parties, action, timeout)

    def Value(self, typecode_or_type, *args, lock=True):
        return Value(typecode_or_type, *args, lock=lock)

    def Array(self, typecode_or_type, size_or_initializer, *, lock=True):
        return Array(typecode_or_type, size_or_initializer, lock=lock)

    def Pool(self, processes=None, initializer=None, initargs=(), maxtasksperchild=None):
        return Pool(processes, initializer, initargs, maxtasksperchild, context=self)


class ForkContext(BaseContext):
    __module__ = "multiprocessing.context"
    _name = "fork"
    Process = ForkProcess


class SpawnContext(BaseContext):
    __module__ = "multiprocessing.context"
    _name = "spawn"
    Process = SpawnProcess


class ForkServerContext(BaseContext):
    __module__ = "multiprocessing.context"
    _name = "forkserver"
    Process = ForkServerProcess


_contexts = {"fork": ForkContext(), "spawn": SpawnContext(), "forkserver": ForkServerContext()}


def get_context(method=None):
    if method is None:
        method = get_start_method()
    if method not in _contexts:
        raise ValueError("cannot find context for %r" % (method,))
    return _contexts[method]


def get_all_start_methods():
    return ["fork", "spawn", "forkserver"]


# ---- multiprocessing.pool ----
#
# As CPython's: worker processes take tasks from one queue and put their
# results on another, and three daemon threads of the parent run the pool:
# the worker handler (starts a new worker when one has ended, which
# maxtasksperchild makes them do), the task handler (moves the tasks that
# map(), apply_async()... submit onto the workers' queue) and the result
# handler (files each result with its job, runs the job's callback or
# error_callback, and wakes whoever waits for it).

RUN = "RUN"
CLOSE = "CLOSE"
TERMINATE = "TERMINATE"
_job_counter = [0]


def _next_job():
    job = _job_counter[0]
    _job_counter[0] += 1
    return job


def mapstar(args):
    return list(map(*args))


def starmapstar(args):
    return [args[0](*a) for a in args[1]]


class MaybeEncodingError(Exception):
    __module__ = "multiprocessing.pool"
    # a result the worker could not send back
    def __init__(self, exc, value):
        self.exc = repr(exc)
        self.value = repr(value)
        Exception.__init__(self, self.exc, self.value)

    def __str__(self):
        return "Error sending result: '%s'. Reason: '%s'" % (self.value, self.exc)

    def __repr__(self):
        return "<%s: %s>" % (type(self).__name__, self)


def worker(inqueue, outqueue, initializer=None, initargs=(), maxtasks=None):
    # a pool worker: runs tasks until the None that says stop, or until it
    # has done maxtasks of them (then it ends and the pool starts another)
    if initializer is not None:
        initializer(*initargs)
    completed = 0
    while maxtasks is None or completed < maxtasks:
        task = inqueue.get()
        if task is None:
            break
        job, i, func, args, kwds = task
        try:
            result = (True, func(*args, **kwds))
        except Exception as e:
            result = (False, e)
        try:
            outqueue.put((job, i, result))
        except Exception as e:
            outqueue.put((job, i, (False, MaybeEncodingError(e, result[1]))))
        completed += 1


class _PoolCache(dict):
    __module__ = "multiprocessing.pool"
    # the pool's jobs still waiting for results; emptying it tells the
    # worker handler, which may be waiting for the last job to finish
    def __init__(self, notifier):
        dict.__init__(self)
        self.notifier = notifier

    def __delitem__(self, job):
        dict.__delitem__(self, job)
        if not self:
            self.notifier.put(None)


class ApplyResult:
    __module__ = "multiprocessing.pool"
    def __init__(self, pool, callback, error_callback):
        self._pool = pool
        self._event = threading.Event()
        self._job = _next_job()
        self._cache = pool._cache
        self._callback = callback
        self._error_callback = error_callback
        self._cache[self._job] = self

    def ready(self):
        return self._event.is_set()

    def successful(self):
        if not self.ready():
            raise ValueError("{0!r} not ready".format(self))
        return self._success

    def wait(self, timeout=None):
        self._event.wait(timeout)

    def get(self, timeout=None):
        self.wait(timeout)
        if not self.ready():
            raise TimeoutError
        if self._success:
            return self._value
        raise self._value

    def _set(self, i, obj):
        # on the result handler thread: the callbacks run here
        self._success, self._value = obj
        if self._callback and self._success:
            self._callback(self._value)
        if self._error_callback and not self._success:
            self._error_callback(self._value)
        self._event.set()
        del self._cache[self._job]
        self._pool = None


AsyncResult = ApplyResult


class MapResult(ApplyResult):
    __module__ = "multiprocessing.pool"
    # one job of several chunks: ready when every chunk is back; the
    # callback gets the whole list, the error_callback the first failure
    def __init__(self, pool, chunksize, length, callback, error_callback):
        ApplyResult.__init__(self, pool, callback, error_callback)
        self._success = True
        self._value = [None] * length
        self._chunksize = chunksize
        if chunksize <= 0:
            self._number_left = 0
            self._event.set()
            del self._cache[self._job]
        else:
            self._number_left = length // chunksize + (1 if length % chunksize else 0)

    def _set(self, i, success_result):
        self._number_left -= 1
        success, result = success_result
        if success and self._success:
            self._value[i * self._chunksize:(i + 1) * self._chunksize] = result
        elif not success and self._success:
            self._success = False
            self._value = result
        if self._number_left == 0:
            if self._success and self._callback:
                self._callback(self._value)
            if not self._success and self._error_callback:
                self._error_callback(self._value)
            del self._cache[self._job]
            self._event.set()
            self._pool = None


class IMapIterator:
    __module__ = "multiprocessing.pool"
    # imap's results, each handed out in order as soon as it is back
    def __init__(self, pool):
        self._pool = pool
        self._cond = threading.Condition(threading.Lock())
        self._job = _next_job()
        self._cache = pool._cache
        self._items = []
        self._index = 0
        self._length = None
        self._unsorted = {}
        self._cache[self._job] = self

    def __iter__(self):
        return self

    def next(self, timeout=None):
        with self._cond:
            if not self._items:
                if self._index == self._length:
                    self._pool = None
                    raise StopIteration
                self._cond.wait(timeout)
                if not self._items:
                    if self._index == self._length:
                        self._pool = None
                        raise StopIteration
                    raise TimeoutError
            success, value = self._items.pop(0)
        if success:
            return value
        raise value

    __next__ = next

    def _set(self, i, obj):
        with self._cond:
            if self._index == i:
                self._items.append(obj)
                self._index += 1
                while self._index in self._unsorted:
                    self._items.append(self._unsorted.pop(self._index))
                    self._index += 1
                self._cond.notify()
            else:
                self._unsorted[i] = obj
            if self._index == self._length:
                del self._cache[self._job]
                self._pool = None

    def _set_length(self, length):
        with self._cond:
            self._length = length
            if self._index == self._length:
                self._cond.notify()
                del self._cache[self._job]
                self._pool = None


class IMapUnorderedIterator(IMapIterator):
    __module__ = "multiprocessing.pool"
    # imap_unordered's: in the order they come back
    def _set(self, i, obj):
        with self._cond:
            self._items.append(obj)
            self._index += 1
            self._cond.notify()
            if self._index == self._length:
                del self._cache[self._job]
                self._pool = None




class Pool:
    __module__ = "multiprocessing.pool"
    def __init__(self, processes=None, initializer=None, initargs=(), maxtasksperchild=None, context=None):
        self._pool = []
        self._state = "INIT"
        self._ctx = context or get_context()
        self._setup_queues()
        self._taskqueue = _ThreadQueue()
        self._change_notifier = self._ctx.SimpleQueue()
        self._cache = _PoolCache(self._change_notifier)
        self._maxtasksperchild = maxtasksperchild
        self._initializer = initializer
        self._initargs = initargs
        self._terminated = False
        if processes is None:
            processes = cpu_count()
        if processes < 1:
            raise ValueError("Number of processes must be at least 1")
        if maxtasksperchild is not None:
            if not isinstance(maxtasksperchild, int) or maxtasksperchild <= 0:
                raise ValueError("maxtasksperchild must be a positive int or None")
        if initializer is not None and not callable(initializer):
            raise TypeError('initializer must be a callable')
        self._processes = processes
        self._repopulate_pool()
        self._worker_handler = threading.Thread(target=self._handle_workers, daemon=True)
        self._worker_handler._state = RUN
        self._worker_handler.start()
        self._task_handler = threading.Thread(target=self._handle_tasks, daemon=True)
        self._task_handler._state = RUN
        self._task_handler.start()
        self._result_handler = threading.Thread(target=self._handle_results, daemon=True)
        self._result_handler._state = RUN
        self._result_handler.start()
        self._state = RUN

    def __repr__(self):
        return "<%s.%s state=%s pool_size=%d>" % (type(self).__module__, type(self).__qualname__, self._state,
                                                  len(self._pool))

    def _setup_queues(self):
        self._inqueue = self._ctx.SimpleQueue()
        self._outqueue = self._ctx.SimpleQueue()

    def _new_worker(self):
        # ForkProcess-3 becomes ForkPoolWorker-3, as in CPython
        w = self._ctx.Process(target=worker, args=(self._inqueue, self._outqueue, self._initializer,
                                                   self._initargs, self._maxtasksperchild))
        w.name = w.name.replace("Process", "PoolWorker")
        w.daemon = True
        w.start()
        return w

    def _repopulate_pool(self):
        for i in range(self._processes - len(self._pool)):
            self._pool.append(self._new_worker())

    def _join_exited_workers(self):
        cleaned = False
        for i in reversed(range(len(self._pool))):
            w = self._pool[i]
            if w.exitcode is not None:
                w.join()
                cleaned = True
                del self._pool[i]
        return cleaned

    def _maintain_pool(self):
        if self._join_exited_workers():
            self._repopulate_pool()

    def _worker_sentinels(self):
        return list(self._pool)

    def _handle_workers(self):
        # the worker handler thread
        thread = threading.current_thread()
        while thread._state == RUN or (self._cache and thread._state != TERMINATE):
            self._maintain_pool()
            _wait_for_updates(self._worker_sentinels(), self._change_notifier)
        self._taskqueue.put(None)

    def _handle_tasks(self):
        # the task handler thread: tasks onto the workers' queue, in order
        thread = threading.current_thread()
        put = self._inqueue.put
        while True:
            item = self._taskqueue.get()
            if item is None:
                break
            taskseq, set_length = item
            n = 0
            stopped = False
            for task in taskseq:
                if thread._state != RUN:
                    stopped = True
                    break
                try:
                    put(task)
                except Exception as e:
                    job, idx = task[:2]
                    if job in self._cache:
                        self._cache[job]._set(idx, (False, e))
                n += 1
            if stopped:
                break
            if set_length:
                set_length(n)
        # no more work: the result handler, then each worker, is told to stop
        self._outqueue.put(None)
        for p in self._pool:
            put(None)

    def _handle_results(self):
        # the result handler thread: each result to its job
        thread = threading.current_thread()
        get = self._outqueue.get
        cache = self._cache
        while True:
            task = get()
            if thread._state != RUN or task is None:
                break
            job, i, obj = task
            if job in cache:
                cache[job]._set(i, obj)
        while cache and thread._state != TERMINATE:
            task = get()
            if task is None:
                continue
            job, i, obj = task
            if job in cache:
                cache[job]._set(i, obj)

    def _check_running(self):
        if self._state != RUN:
            raise ValueError("Pool not running")

    @staticmethod
    def _get_tasks(func, it, size):
        chunk = []
        for x in it:
            chunk.append(x)
            if len(chunk) == size:
                yield (func, tuple(chunk))
                chunk = []
        if chunk:
            yield (func, tuple(chunk))

    def _guarded_task_generation(self, job, func, iterable):
        for i, x in enumerate(iterable):
            yield (job, i, func, (x,), {})

    def apply(self, func, args=(), kwds={}):
        return self.apply_async(func, args, kwds).get()

    def apply_async(self, func, args=(), kwds={}, callback=None, error_callback=None):
        self._check_running()
        result = ApplyResult(self, callback, error_callback)
        self._taskqueue.put(([(result._job, 0, func, args, kwds)], None))
        return result

    def _map_async(self, func, iterable, mapper, chunksize=None, callback=None, error_callback=None):
        self._check_running()
        if not isinstance(iterable, (list, tuple)):
            iterable = list(iterable)
        if chunksize is None:
            chunksize, extra = divmod(len(iterable), len(self._pool) * 4)
            if extra:
                chunksize += 1
        if len(iterable) == 0:
            chunksize = 0
        task_batches = Pool._get_tasks(func, iterable, chunksize)
        result = MapResult(self, chunksize, len(iterable), callback, error_callback)
        self._taskqueue.put((self._guarded_task_generation(result._job, mapper, task_batches), None))
        return result

    def map(self, func, iterable, chunksize=None):
        return self._map_async(func, iterable, mapstar, chunksize).get()

    def starmap(self, func, iterable, chunksize=None):
        return self._map_async(func, iterable, starmapstar, chunksize).get()

    def map_async(self, func, iterable, chunksize=None, callback=None, error_callback=None):
        return self._map_async(func, iterable, mapstar, chunksize, callback, error_callback)

    def starmap_async(self, func, iterable, chunksize=None, callback=None, error_callback=None):
        return self._map_async(func, iterable, starmapstar, chunksize, callback, error_callback)

    def _imap(self, cls, func, iterable, chunksize):
        self._check_running()
        if chunksize == 1:
            result = cls(self)
            self._taskqueue.put((self._guarded_task_generation(result._job, func, iterable), result._set_length))
            return result
        if chunksize < 1:
            raise ValueError("Chunksize must be 1+, not {0:n}".format(chunksize))
        task_batches = Pool._get_tasks(func, iterable, chunksize)
        result = cls(self)
        self._taskqueue.put((self._guarded_task_generation(result._job, mapstar, task_batches), result._set_length))
        return (item for chunk in result for item in chunk)

    def imap(self, func, iterable, chunksize=1):
        return self._imap(IMapIterator, func, iterable, chunksize)

    def imap_unordered(self, func, iterable, chunksize=1):
        return self._imap(IMapUnorderedIterator, func, iterable, chunksize)

    def close(self):
        if self._state == RUN:
            self._state = CLOSE
            self._worker_handler._state = CLOSE
            self._change_notifier.put(None)

    def terminate(self):
        self._state = TERMINATE
        self._terminate_pool()

    def join(self):
        if self._state == RUN:
            raise ValueError("Pool is still running")
        elif self._state not in (CLOSE, TERMINATE):
            raise ValueError("In unknown state")
        self._worker_handler.join()
        self._task_handler.join()
        self._result_handler.join()
        for p in self._pool:
            p.join()

    def _help_stuff_finish(self):
        # tasks nobody has taken yet are dropped
        while True:
            try:
                self._inqueue.get_nowait()
            except Empty:
                break

    def _terminate_pool(self):
        # once: stop the handlers, end the workers, join everything
        if self._terminated:
            return
        self._terminated = True
        self._worker_handler._state = TERMINATE
        self._change_notifier.put(None)
        self._task_handler._state = TERMINATE
        self._help_stuff_finish()
        self._result_handler._state = TERMINATE
        self._change_notifier.put(None)
        self._outqueue.put(None)
        if threading.current_thread() is not self._worker_handler:
            self._worker_handler.join()
        if self._pool and hasattr(self._pool[0], "terminate"):
            for p in self._pool:
                if p.exitcode is None:
                    p.terminate()
        if threading.current_thread() is not self._task_handler:
            self._task_handler.join()
        if threading.current_thread() is not self._result_handler:
            self._result_handler.join()
        if self._pool and hasattr(self._pool[0], "terminate"):
            for p in self._pool:
                if p.is_alive():
                    p.join()

    def __enter__(self):
        self._check_running()
        return self

    def __exit__(self, *exc):
        self.terminate()


class ThreadPool(Pool):
    __module__ = "multiprocessing.pool"
    # the same pool, with threads for workers and thread queues
    def __init__(self, processes=None, initializer=None, initargs=()):
        Pool.__init__(self, processes, initializer, initargs)

    def _setup_queues(self):
        self._inqueue = _ThreadQueue()
        self._outqueue = _ThreadQueue()

    def _new_worker(self):
        w = threading.Thread(target=worker, args=(self._inqueue, self._outqueue, self._initializer, self._initargs))
        w.daemon = True
        w.start()
        return w

    def _worker_sentinels(self):
        return []

    def _join_exited_workers(self):
        cleaned = False
        for i in reversed(range(len(self._pool))):
            w = self._pool[i]
            if not w.is_alive():
                w.join()
                cleaned = True
                del self._pool[i]
        return cleaned

    def _help_stuff_finish(self):
        Pool._help_stuff_finish(self)
        for i in range(len(self._pool)):
            self._inqueue.put(None)



# ---- multiprocessing.managers ----
#
# As CPython's: a manager is a server process holding the objects, and a
# proxy's call is a round trip: the caller sends (object, method, args) down
# a pipe, one of the server's threads (one per connection, so a call that
# blocks there blocks only its caller) calls the method and sends back the
# result or the exception, each pickled on the way.  Each thread of each
# process has its own connection to a manager.  A proxy called from C code
# (len(), sorted(), `in`, str() calling its dunders), which cannot block for
# a round trip, reaches its object directly; the arguments and the result
# are still copied as a pickle would copy them.

import queue as _queue
from os import getpid as _getpid


class RemoteError(Exception):
    __module__ = "multiprocessing.managers"


class Token:
    __module__ = "multiprocessing.managers"
    # which object of which manager a proxy stands for
    def __init__(self, typeid, mid, oid):
        self.typeid = typeid
        self.mid = mid
        self.id = oid

    def __repr__(self):
        return "Token(typeid=%r, id=%r)" % (self.typeid, self.id)


class Namespace:
    __module__ = "multiprocessing.managers"
    def __init__(self, /, **kwds):
        self.__dict__.update(kwds)

    def __repr__(self):
        temp = sorted("%s=%r" % (k, v) for k, v in self.__dict__.items() if not k.startswith("_"))
        return "%s(%s)" % (type(self).__name__, ", ".join(temp))


# managers.Value and managers.Array, made inside a function: this file's
# globals are the multiprocessing module's, where Value and Array are the
# shared-memory ones (a top-level class Value here replaced them)
def _managed_value_and_array():
    class Value:
        __module__ = "multiprocessing.managers"
        __qualname__ = "Value"
        def __init__(self, typecode, value, lock=True):
            self._typecode = typecode
            self._value = value

        def get(self):
            return self._value

        def set(self, value):
            self._value = value

        def __repr__(self):
            return "%s(%r, %r)" % (type(self).__name__, self._typecode, self._value)

        value = property(get, set)


    def Array(typecode, sequence, lock=True):
        return list(sequence)
    Array.__qualname__ = "Array"
    return Value, Array


_ManagedValue, _ManagedArray = _managed_value_and_array()


_VIEWS = (type({}.keys()), type({}.values()), type({}.items()))


def _public_methods(obj):
    return [n for n in dir(obj) if n[0] != "_" and callable(getattr(obj, n))]


def _dispatch(mid, registry, request):
    # one call, in the server (or, from C code, in the caller): the reply
    oid, name, args, kwds = request
    try:
        if oid is None:
            # name == "#CREATE": a new object of a registered type
            typeid = args[0]
            callable_, exposed, method_to_typeid, proxytype = registry[typeid]
            obj = callable_(*args[1:], **kwds)
            if exposed is None:
                exposed = _public_methods(obj)
            return ("#PROXY", (typeid, _mgr_register(mid, obj), exposed))
        obj = _mgr_object(mid, oid)
        if name == "__getattribute__":
            res = getattr(obj, args[0])
        elif name == "__setattr__":
            res = setattr(obj, args[0], args[1])
        elif name == "__delattr__":
            res = delattr(obj, args[0])
        else:
            res = getattr(obj, name)(*args, **kwds)
        typeid = _ITER_METHODS.get(name)
        if typeid is not None:
            return ("#PROXY", (typeid, _mgr_register(mid, res), None))
        if isinstance(res, _VIEWS):
            res = list(res)
        return ("#RETURN", res)
    except Exception as e:
        return ("#ERROR", e)


_ITER_METHODS = {"__iter__": "Iterator"}


def handle_request(conn, mid, registry):
    # a server thread: serves one connection until its last handle closes
    while True:
        try:
            request = conn.recv()
        except (EOFError, OSError):
            return
        reply = _dispatch(mid, registry, request)
        try:
            conn.send(reply)
        except Exception as e:
            conn.send(("#ERROR", RemoteError("Error sending result: %r; %r" % (reply[1], e))))


def _run_server(listener, ready, mid, registry):
    # the manager process's main thread: a thread for each new connection,
    # until shutdown() sends None
    ready.send("ready")
    ready.close()
    while True:
        conn = listener.get()
        if conn is None:
            break
        t = threading.Thread(target=handle_request, args=(conn, mid, registry))
        t.daemon = True
        t.start()


_connections = {}


def _connection(listener, mid):
    # this thread's connection to manager mid, made on first use
    key = (_getpid(), threading.get_ident(), mid)
    conn = _connections.get(key)
    if conn is None:
        conn, theirs = Pipe()
        listener.put(theirs)
        theirs.close()
        _connections[key] = conn
    return conn


def _call(listener, mid, registry, request):
    if _can_block():
        conn = _connection(listener, mid)
        conn.send(request)
        return conn.recv()
    # called from C code: no round trip, the object itself
    return _transfer(_dispatch(mid, registry, _transfer(request)))


def _rebuild(kind, result, listener, mid, registry):
    if kind == "#RETURN":
        return result
    if kind == "#PROXY":
        typeid, oid, exposed = result
        proxytype = registry[typeid][3]
        if proxytype is None:
            proxytype = AutoProxy
        token = Token(typeid, mid, oid)
        if proxytype is AutoProxy:
            return AutoProxy(token, listener, registry, exposed)
        return proxytype(token, listener, registry)
    raise result


class BaseProxy:
    __module__ = "multiprocessing.managers"
    _exposed_ = ()

    def __init__(self, token, listener, registry, exposed=None):
        self._token = token
        self._listener = listener
        self._registry = registry
        if exposed is not None:
            self._exposed_ = tuple(exposed)

    def _callmethod(self, methodname, args=(), kwds={}):
        token = self._token
        kind, result = _call(self._listener, token.mid, self._registry, (token.id, methodname, args, kwds))
        return _rebuild(kind, result, self._listener, token.mid, self._registry)

    def _getvalue(self):
        return self._callmethod("#GETVALUE")

    def __repr__(self):
        return "<%s object, typeid %r at %#x>" % (type(self).__name__, self._token.typeid, id(self))

    def __str__(self):
        return self._callmethod("__repr__")


def _proxy_method(name):
    def method(self, /, *args, **kwds):
        return self._callmethod(name, args, kwds)
    method.__name__ = name
    return method


def MakeProxyType(name, exposed, _cache={}):
    exposed = tuple(exposed)
    try:
        return _cache[(name, exposed)]
    except KeyError:
        pass
    dic = {"_exposed_": exposed, "__module__": "multiprocessing.managers"}
    for meth in exposed:
        dic[meth] = _proxy_method(meth)
    proxytype = type(name, (BaseProxy,), dic)
    _cache[(name, exposed)] = proxytype
    return proxytype


def AutoProxy(token, listener, registry, exposed):
    proxytype = MakeProxyType("AutoProxy[%s]" % token.typeid, exposed)
    return proxytype(token, listener, registry, exposed)


class IteratorProxy(BaseProxy):
    __module__ = "multiprocessing.managers"
    _exposed_ = ("__next__", "send", "throw", "close")

    def __iter__(self):
        return self

    def __next__(self, *args):
        return self._callmethod("__next__", args)

    def send(self, *args):
        return self._callmethod("send", args)

    def throw(self, *args):
        return self._callmethod("throw", args)

    def close(self, *args):
        return self._callmethod("close", args)


class AcquirerProxy(BaseProxy):
    __module__ = "multiprocessing.managers"
    _exposed_ = ("acquire", "release")

    def acquire(self, blocking=True, timeout=None):
        args = (blocking,) if timeout is None else (blocking, timeout)
        return self._callmethod("acquire", args)

    def release(self):
        return self._callmethod("release")

    def __enter__(self):
        return self._callmethod("acquire")

    def __exit__(self, exc_type, exc_val, exc_tb):
        return self._callmethod("release")


class ConditionProxy(AcquirerProxy):
    __module__ = "multiprocessing.managers"
    _exposed_ = ("acquire", "release", "wait", "notify", "notify_all")

    def wait(self, timeout=None):
        return self._callmethod("wait", (timeout,))

    def notify(self, n=1):
        return self._callmethod("notify", (n,))

    def notify_all(self):
        return self._callmethod("notify_all")

    def wait_for(self, predicate, timeout=None):
        result = predicate()
        while not result:
            self.wait(timeout)
            result = predicate()
            if timeout is not None:
                break
        return result


class EventProxy(BaseProxy):
    __module__ = "multiprocessing.managers"
    _exposed_ = ("is_set", "set", "clear", "wait")

    def is_set(self):
        return self._callmethod("is_set")

    def set(self):
        return self._callmethod("set")

    def clear(self):
        return self._callmethod("clear")

    def wait(self, timeout=None):
        return self._callmethod("wait", (timeout,))


class BarrierProxy(BaseProxy):
    __module__ = "multiprocessing.managers"
    _exposed_ = ("__getattribute__", "wait", "abort", "reset")

    def wait(self, timeout=None):
        return self._callmethod("wait", (timeout,))

    def abort(self):
        return self._callmethod("abort")

    def reset(self):
        return self._callmethod("reset")

    @property
    def parties(self):
        return self._callmethod("__getattribute__", ("parties",))

    @property
    def n_waiting(self):
        return self._callmethod("__getattribute__", ("n_waiting",))

    @property
    def broken(self):
        return self._callmethod("__getattribute__", ("broken",))


class NamespaceProxy(BaseProxy):
    __module__ = "multiprocessing.managers"
    _exposed_ = ("__getattribute__", "__setattr__", "__delattr__")

    def __getattr__(self, key):
        if key[0] == "_":
            return object.__getattribute__(self, key)
        return self._callmethod("__getattribute__", (key,))

    def __setattr__(self, key, value):
        if key[0] == "_":
            return object.__setattr__(self, key, value)
        return self._callmethod("__setattr__", (key, value))

    def __delattr__(self, key):
        if key[0] == "_":
            return object.__delattr__(self, key)
        return self._callmethod("__delattr__", (key,))


class ValueProxy(BaseProxy):
    __module__ = "multiprocessing.managers"
    _exposed_ = ("get", "set")

    def get(self):
        return self._callmethod("get")

    def set(self, value):
        return self._callmethod("set", (value,))

    value = property(get, set)


_BaseListProxy = MakeProxyType("BaseListProxy", (
    "__add__", "__contains__", "__delitem__", "__getitem__", "__len__", "__mul__", "__reversed__", "__rmul__",
    "__setitem__", "append", "count", "extend", "index", "insert", "pop", "remove", "reverse", "sort", "__imul__"))


class ListProxy(_BaseListProxy):
    __module__ = "multiprocessing.managers"
    def __iadd__(self, value):
        self._callmethod("extend", (value,))
        return self

    def __imul__(self, value):
        self._callmethod("__imul__", (value,))
        return self


_BaseDictProxy = MakeProxyType("DictProxy", (
    "__contains__", "__delitem__", "__getitem__", "__iter__", "__len__", "__setitem__", "clear", "copy", "get",
    "items", "keys", "pop", "popitem", "setdefault", "update", "values"))


class DictProxy(_BaseDictProxy):
    __module__ = "multiprocessing.managers"
    def __iter__(self):
        return self._callmethod("__iter__")


ArrayProxy = MakeProxyType("ArrayProxy", ("__len__", "__getitem__", "__setitem__"))


class BaseManager:
    __module__ = "multiprocessing.managers"
    _registry = {}

    def __init__(self, address=None, authkey=None, serializer="pickle", ctx=None, *, shutdown_timeout=1.0):
        self._ctx = ctx or get_context()
        self._state = "INITIAL"
        self._process = None
        self._listener = None
        self._mid = None
        self._shutdown_timeout = shutdown_timeout

    def start(self, initializer=None, initargs=()):
        if self._state != "INITIAL":
            if self._state == "STARTED":
                raise ProcessError("Already started server")
            if self._state == "SHUTDOWN":
                raise ProcessError("Manager has shut down")
            raise ProcessError("Unknown state {!r}".format(self._state))
        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")
        self._mid = _mgr_new()
        self._listener = self._ctx.Queue()
        reader, writer = Pipe(duplex=False)
        self._process = self._ctx.Process(target=_manager_main,
                                          args=(self._listener, writer, self._mid, self._registry,
                                                initializer, initargs))
        # as CPython names it: SyncManager-1
        self._process.name = type(self).__name__ + "-" + ":".join(str(i) for i in self._process._identity)
        self._process.start()
        writer.close()
        reader.recv()
        reader.close()
        self._state = "STARTED"
        threading._register_atexit(self._finalize)

    def _finalize(self):
        if self._state == "STARTED":
            self.shutdown()

    def shutdown(self):
        if self._state != "STARTED":
            return
        self._state = "SHUTDOWN"
        self._listener.put(None)
        self._process.join(timeout=self._shutdown_timeout)
        if self._process.is_alive():
            self._process.terminate()
            self._process.join()

    def join(self, timeout=None):
        if self._process is not None:
            self._process.join(timeout)

    # a manager another program serves, over a socket: nothing the
    # simulator can reach
    def connect(self):
        raise RuntimeError("connecting to a manager another program serves (BaseManager.connect) "
                           "is not supported by the simulator")

    def get_server(self):
        raise RuntimeError("serving a manager to other programs (BaseManager.get_server) "
                           "is not supported by the simulator")

    def _create(self, typeid, /, *args, **kwds):
        if self._state != "STARTED":
            # CPython asserts it
            raise AssertionError("server not yet started")
        kind, result = _call(self._listener, self._mid, self._registry, (None, "#CREATE", (typeid,) + args, kwds))
        return _rebuild(kind, result, self._listener, self._mid, self._registry)

    def __enter__(self):
        if self._state == "INITIAL":
            self.start()
        if self._state != "STARTED":
            raise ProcessError("Unable to start server")
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.shutdown()

    @property
    def address(self):
        return ("manager", self._mid)

    @classmethod
    def register(cls, typeid, callable=None, proxytype=None, exposed=None, method_to_typeid=None,
                 create_method=True):
        if "_registry" not in cls.__dict__:
            cls._registry = dict(cls._registry)
        if proxytype is None:
            proxytype = AutoProxy
        if exposed is None and proxytype is not AutoProxy:
            exposed = getattr(proxytype, "_exposed_", None)
        cls._registry[typeid] = (callable, exposed, method_to_typeid, proxytype)
        if create_method:
            def temp(self, /, *args, **kwds):
                return self._create(typeid, *args, **kwds)
            temp.__name__ = typeid
            setattr(cls, typeid, temp)


def _manager_main(listener, ready, mid, registry, initializer, initargs):
    if initializer is not None:
        initializer(*initargs)
    _run_server(listener, ready, mid, registry)


class SyncManager(BaseManager):
    __module__ = "multiprocessing.managers"


SyncManager.register("Queue", _queue.Queue)
SyncManager.register("JoinableQueue", _queue.Queue)
SyncManager.register("Event", threading.Event, EventProxy)
SyncManager.register("Lock", threading.Lock, AcquirerProxy)
SyncManager.register("RLock", threading.RLock, AcquirerProxy)
SyncManager.register("Semaphore", threading.Semaphore, AcquirerProxy)
SyncManager.register("BoundedSemaphore", threading.BoundedSemaphore, AcquirerProxy)
SyncManager.register("Condition", threading.Condition, ConditionProxy)
SyncManager.register("Barrier", threading.Barrier, BarrierProxy)
SyncManager.register("list", list, ListProxy)
SyncManager.register("dict", dict, DictProxy)
SyncManager.register("Value", _ManagedValue, ValueProxy)
SyncManager.register("Array", _ManagedArray, ArrayProxy)
SyncManager.register("Namespace", Namespace, NamespaceProxy)
SyncManager.register("Iterator", proxytype=IteratorProxy, create_method=False)


def Manager():
    m = SyncManager()
    m.start()
    return m


# what `import multiprocessing.pool` fills the submodule with
_submodules = {
    "pool": {
        "Pool": Pool, "ThreadPool": ThreadPool, "ApplyResult": ApplyResult, "AsyncResult": AsyncResult,
        "MapResult": MapResult, "IMapIterator": IMapIterator, "IMapUnorderedIterator": IMapUnorderedIterator,
        "MaybeEncodingError": MaybeEncodingError, "RUN": RUN, "CLOSE": CLOSE, "TERMINATE": TERMINATE,
        "worker": worker, "mapstar": mapstar, "starmapstar": starmapstar, "TimeoutError": TimeoutError,
    },
    "managers": {
        "BaseManager": BaseManager, "SyncManager": SyncManager, "BaseProxy": BaseProxy, "Token": Token,
        "Namespace": Namespace, "Value": _ManagedValue, "Array": _ManagedArray, "ListProxy": ListProxy, "DictProxy": DictProxy,
        "NamespaceProxy": NamespaceProxy, "ValueProxy": ValueProxy, "AcquirerProxy": AcquirerProxy,
        "EventProxy": EventProxy, "ConditionProxy": ConditionProxy, "BarrierProxy": BarrierProxy,
        "IteratorProxy": IteratorProxy, "AutoProxy": AutoProxy, "MakeProxyType": MakeProxyType,
        "RemoteError": RemoteError,
    },
}
