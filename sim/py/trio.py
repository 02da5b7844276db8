# trio, simulated (trio 0.22's behaviour, the oracle Debian's python3-trio
# has).  Like real trio, the run loop is Python: it steps each task's
# coroutine with coro.send() / coro.throw(), and trio's primitives reach it
# by awaiting a _Trap, which the coroutine's chain hands to whatever drives
# it (sim/core/gen.h).  Each batch of ready tasks runs forward or reversed
# by a coin drawn from the scenario's seed (setting trio_order: shuffle,
# the default; fifo: always forward), where real trio uses an OS-seeded
# generator.  _interleave puts the tasks on the timeline as rows under the
# thread that runs trio.run.
import _interleave as _il
import time as _time
import threading as _threading
import queue as _queue
import math as _math

__all__ = []

# ---- exceptions ----


class TrioInternalError(Exception):
    pass


class RunFinishedError(RuntimeError):
    pass


class WouldBlock(Exception):
    pass


class EndOfChannel(Exception):
    pass


class ClosedResourceError(Exception):
    pass


class BrokenResourceError(Exception):
    pass


class BusyResourceError(Exception):
    pass


class TooSlowError(Exception):
    pass


class Cancelled(BaseException):
    __module__ = 'trio'

    def __init__(self, *args):
        if not _Cancelled_creating:
            raise TypeError("trio.Cancelled has no public constructor")
        super().__init__(*args)

    def __str__(self):
        return "Cancelled"

    def __repr__(self):
        return "Cancelled()"


_Cancelled_creating = False


def _cancelled():
    global _Cancelled_creating
    _Cancelled_creating = True
    try:
        return Cancelled()
    finally:
        _Cancelled_creating = False


class MultiError(BaseExceptionGroup):
    __module__ = 'trio'

    def __new__(cls, exceptions):
        return super().__new__(cls, "multiple tasks failed", exceptions)

    def __init__(self, exceptions):
        super().__init__("multiple tasks failed", exceptions)

    def derive(self, excs):
        return _multi(excs)

    def __str__(self):
        return ", ".join(repr(e) for e in self.exceptions)

    def __repr__(self):
        return "<MultiError: " + ", ".join(repr(e) for e in self.exceptions) + ">"


class NonBaseMultiError(MultiError, ExceptionGroup):
    __module__ = 'trio'


def _multi(excs):
    if all(isinstance(e, Exception) for e in excs):
        return NonBaseMultiError(excs)
    return MultiError(excs)


# ---- instruments (trio.abc.Instrument) ----


class Instrument:
    """The interface of run-loop instruments: subclass it and override the
    hooks you want; trio calls only those (trio.abc.Instrument)."""
    __module__ = 'trio.abc'

    def before_run(self):
        """Called at the beginning of trio.run."""

    def after_run(self):
        """Called just before trio.run returns."""

    def task_spawned(self, task):
        """Called when the given task is created."""

    def task_scheduled(self, task):
        """Called when the given task becomes runnable."""

    def before_task_step(self, task):
        """Called immediately before we resume running the given task."""

    def after_task_step(self, task):
        """Called when we return to the main run loop after a task has yielded."""

    def task_exited(self, task):
        """Called when the given task exits."""

    def before_io_wait(self, timeout):
        """Called before blocking to wait for I/O readiness."""

    def after_io_wait(self, timeout):
        """Called after handling pending I/O."""


_HOOKS = ("before_run", "after_run", "task_spawned", "task_scheduled", "before_task_step", "after_task_step",
          "task_exited", "before_io_wait", "after_io_wait")
_MAX_TIMEOUT = 24 * 60 * 60   # the longest I/O wait trio asks for


class _Instruments:
    # the instruments of a run by hook, each hook holding only those that
    # override it, as trio's own Instruments: a run without instruments
    # pays one truth test per hook point
    def __init__(self, incoming):
        self.all = {}
        self.hooks = {}          # hook name -> {instrument: None}
        for instrument in incoming:
            self.add(instrument)

    def add(self, instrument):
        if instrument in self.all:
            return
        self.all[instrument] = None
        try:
            for name in _HOOKS:
                impl = getattr(instrument, name, None)
                if impl is None or getattr(impl, '__func__', None) is getattr(Instrument, name):
                    continue     # inherited unchanged: nothing to call
                self.hooks.setdefault(name, {})[instrument] = None
        except BaseException:
            self.remove(instrument)
            raise

    def remove(self, instrument):
        del self.all[instrument]     # KeyError when it is not installed
        for name in list(self.hooks):
            hooked = self.hooks[name]
            if instrument in hooked:
                del hooked[instrument]
                if not hooked:
                    del self.hooks[name]

    def call(self, name, *args):
        for instrument in list(self.hooks[name]):
            try:
                getattr(instrument, name)(*args)
            except BaseException:  # noqa: trio catches everything here
                self.remove(instrument)
                import logging
                logging.getLogger("trio.abc.Instrument").exception(
                    "Exception raised when calling %r on instrument %r. Instrument has been disabled.",
                    name, instrument)


# ---- the run loop ----


class _Trap:
    __slots__ = ('kind', 'arg')

    def __init__(self, kind, arg=None):
        self.kind = kind
        self.arg = arg

    def __await__(self):
        value = yield self
        return value


class _Abort:
    SUCCEEDED = 1
    FAILED = 2


def _task_class():
    # trio.lowlevel.Task, made in a function: trio itself has no Task
    # (the load-time check takes trio's names from its module-level
    # bindings, sim/lib/modules.c)
    class Task:
        __module__ = 'trio.lowlevel'

        def __init__(self, runner, coro, name, nursery, context_scope):
            self._runner = runner
            self.coro = coro
            self.name = name
            self.parent_nursery = nursery
            self.child_nurseries = []
            self._scopes = [context_scope] if context_scope is not None else []
            self._next = (None, None)     # (value, exception) for the next step
            self._abort = None            # how to abort its wait, while it waits
            self._reason = "TRIO_READY"
            # a nursery's child is shown under the task that opened it
            if nursery is not None:
                self._row = _il.row(name, "TRIO_READY", nursery._parent_task._row)
            else:
                self._row = _il.row(name, "TRIO_READY")
            self._done = False
            self.custom_sleep_data = None

        def __repr__(self):
            return f"<Task {self.name!r} at 0x{id(self):x}>"

        def _cancelled(self):
            for s in reversed(self._scopes):
                if s._cancel_called:
                    return True
                if s._shield:
                    return False
            return False

    return Task


_Task = _task_class()


class _Runner:
    def __init__(self):
        self.runq = []
        self.deadlines = []          # [deadline, seq, scope]
        self.seq = 0
        self.tasks = set()
        self.main = None
        self.threads = 0
        self.wake = _queue.SimpleQueue()
        # the memory channels open in this run, for the debugger's `info
        # queues` (sim/lib/mod_drivers.c reads them): id -> _ChannelState
        self.channels = {}
        self.start = _time.monotonic()
        self.fifo = _il.setting("trio_order") == "fifo"
        # the coin: xorshift32 seeded from the scenario's seed
        self.rng = ((_il.setting("seed") & 0xFFFFFFFF) * 2654435761 + 0x7472696F) & 0xFFFFFFFF or 1
        self._stepping = None
        self._order = "TRIO_BATCH_FWD"
        self.instruments = _Instruments(())
        self.hooks = self.instruments.hooks   # the same dict: empty, no instrument

    def now(self):
        return _time.monotonic() - self.start + 1000.0

    def reschedule(self, task, value=None, exc=None):
        task._abort = None
        task._next = (value, exc)
        self.runq.append(task)
        _il.park(task._row, "ready", "TRIO_READY")
        if self.hooks and "task_scheduled" in self.hooks:
            self.instruments.call("task_scheduled", task)

    def add_deadline(self, scope):
        self.seq += 1
        entry = [scope._deadline, self.seq, scope]
        scope._entry = entry
        # kept sorted: (deadline, seq)
        i = len(self.deadlines)
        while i > 0 and (self.deadlines[i - 1][0], self.deadlines[i - 1][1]) > (entry[0], entry[1]):
            i -= 1
        self.deadlines.insert(i, entry)

    def drop_deadline(self, scope):
        e = getattr(scope, '_entry', None)
        if e is not None:
            e[2] = None
            scope._entry = None

    def next_deadline(self):
        while self.deadlines and self.deadlines[0][2] is None:
            self.deadlines.pop(0)
        return self.deadlines[0][0] if self.deadlines else None

    def current_task_obj(self):
        return self._stepping

    def spawn(self, coro, name, nursery, scope):
        task = _Task(self, coro, name, nursery, scope)
        if nursery is not None:
            task._scopes = list(nursery._parent_task._scopes) + [nursery.cancel_scope]
        self.tasks.add(task)
        if nursery is not None:
            nursery._children.add(task)
        if self.hooks and "task_spawned" in self.hooks:
            self.instruments.call("task_spawned", task)
        self.runq.append(task)
        if self.hooks and "task_scheduled" in self.hooks:
            self.instruments.call("task_scheduled", task)
        return task

    def step(self, task):
        self._stepping = task
        if self.hooks and "before_task_step" in self.hooks:
            self.instruments.call("before_task_step", task)
        _il.run(task._row, self._order)
        value, exc = task._next
        task._next = (None, None)
        try:
            if exc is not None:
                trap = task.coro.throw(exc)
            else:
                trap = task.coro.send(value)
        except StopIteration as s:
            self.finish(task, s.value, None)
        except BaseException as e:
            self.finish(task, None, e)
        else:
            self.handle(task, trap)
        if self.hooks and "after_task_step" in self.hooks:
            self.instruments.call("after_task_step", task)

    def handle(self, task, trap):
        kind = trap.kind
        if kind == "checkpoint":
            self.reschedule(task)
            return
        if kind == "wait":
            abort, reason, obj = trap.arg
            task._abort = abort
            task._reason = reason
            _il.park(task._row, "sleeping" if reason == "TRIO_SLEEP" else "awaiting", reason, obj)
            if task._cancelled():
                self.try_abort(task)
            return
        raise TrioInternalError(f"unknown trap {kind}")

    def try_abort(self, task):
        abort = task._abort
        if abort is None:
            return
        if abort(_raise_cancel) == _Abort.SUCCEEDED:
            self.reschedule(task, exc=_cancelled())

    def finish(self, task, value, exc):
        task._done = True
        self.tasks.discard(task)
        _il.park(task._row, "done", "DONE")
        task._result = (value, exc)
        n = task.parent_nursery
        if n is not None:
            n._child_finished(task, exc)
        if task is self.main:
            self.main_result = (value, exc)
        if self.hooks and "task_exited" in self.hooks:
            self.instruments.call("task_exited", task)

    def cancel_scope(self, scope):
        for task in list(self.tasks):
            if task._abort is not None and scope in task._scopes and task._cancelled():
                self.try_abort(task)

    def run(self):
        instruments = self.instruments
        while not self.main._done:
            wait = None
            if instruments.hooks:
                # the timeout trio's loop gives its I/O wait, as the io
                # hooks see it: 0 with tasks to run, else until the next
                # deadline, at most a day
                if self.runq:
                    wait = 0
                else:
                    nd = self.next_deadline()
                    wait = _MAX_TIMEOUT if nd is None else min(max(nd - self.now(), 0), _MAX_TIMEOUT)
                if "before_io_wait" in instruments.hooks:
                    instruments.call("before_io_wait", wait)
            if not self.runq:
                nd = self.next_deadline()
                if nd is None and not self.threads:
                    # every task waits for something only another task
                    # could do: trio hangs here (the simulator reports it)
                    self.wake.get()
                    continue
                timeout = None if nd is None else max(nd - self.now(), 0)
                if timeout:
                    # trio waits in epoll, whose timeout CPython rounds up
                    # to whole milliseconds: deadlines less than a
                    # millisecond apart expire together, in one batch
                    timeout = _math.ceil(timeout * 1000) / 1000
                if self.threads:
                    try:
                        msg = self.wake.get(timeout=timeout) if timeout is None or timeout > 0 else self.wake.get_nowait()
                    except _queue.Empty:
                        msg = None
                    while msg is not None:
                        fn = msg
                        fn()
                        try:
                            msg = self.wake.get_nowait()
                        except _queue.Empty:
                            msg = None
                elif timeout > 0:
                    _il.idle(timeout, "TRIO_IDLE")
            if wait is not None and "after_io_wait" in instruments.hooks:
                instruments.call("after_io_wait", wait)
            now = self.now()
            while True:
                nd = self.next_deadline()
                if nd is None or nd > now:
                    break
                entry = self.deadlines.pop(0)
                scope = entry[2]
                scope._entry = None
                scope.cancel()
            if not self.runq:
                continue
            batch = self.runq
            self.runq = []
            x = self.rng
            x ^= (x << 13) & 0xFFFFFFFF
            x ^= x >> 17
            x ^= (x << 5) & 0xFFFFFFFF
            self.rng = x
            # popped from the end: reversed here means run in append order
            forward = self.fifo or (x >> 7) & 1
            if forward:
                batch.reverse()
            self._order = "TRIO_BATCH_FWD" if forward else "TRIO_BATCH_REV"
            while batch:
                self.step(batch.pop())


_runner = None


def _raise_cancel():
    raise _cancelled()


def _current():
    if _runner is None:
        raise RuntimeError("must be called from async context")
    return _runner


def _name_of(fn):
    mod = getattr(fn, '__module__', None)
    qn = getattr(fn, '__qualname__', None) or getattr(fn, '__name__', None) or repr(fn)
    return f"{mod}.{qn}" if mod else qn


def _coro_of(async_fn, args, what):
    if type(async_fn).__name__ == 'coroutine':
        async_fn.close()
        raise TypeError(
            "Trio was expecting an async function, but instead it got a coroutine object "
            f"{async_fn!r}\n\nProbably you did something like:\n\n  trio.{what}({async_fn.__name__}(...))\n\n"
            f"Instead, you want (notice the parentheses!):\n\n  trio.{what}({async_fn.__name__}, ...)")
    coro = async_fn(*args)
    if type(coro).__name__ != 'coroutine':
        raise TypeError(f"Trio expected an async function, but {async_fn!r} appears to be synchronous")
    return coro


def run(async_fn, *args, strict_exception_groups=False, clock=None, instruments=()):
    global _runner, _strict_default
    if _runner is not None:
        raise RuntimeError("Attempted to call run() from inside a run()")
    coro = _coro_of(async_fn, args, "run")
    r = _Runner()
    r.instruments = _Instruments(instruments)
    r.hooks = r.instruments.hooks
    _runner = r
    _strict_default = strict_exception_groups
    root = CancelScope()
    root._enter_as_root()
    try:
        if "before_run" in r.instruments.hooks:
            r.instruments.call("before_run")
        r.main = r.spawn(coro, _name_of(async_fn), None, root)
        r.main._scopes = [root]
        r.run()
    finally:
        _runner = None
        # as trio's: after the run's context is gone
        if "after_run" in r.instruments.hooks:
            r.instruments.call("after_run")
    value, exc = r.main_result
    if exc is not None:
        raise exc
    return value


_strict_default = False


# ---- checkpoints and waiting ----


async def _cancel_shielded_checkpoint():
    await _Trap("checkpoint")


async def _wait_task_rescheduled(abort_fn, reason="TRIO_PARK", obj=-1):
    # obj: the trace object of what it waits on (_il.obj), which the
    # timeline and explain then name
    return await _Trap("wait", (abort_fn, reason, obj))


async def _checkpoint():
    await _cancel_shielded_checkpoint()
    task = _current().current_task_obj()
    if task._cancelled():
        await _wait_task_rescheduled(lambda _: _Abort.SUCCEEDED)


async def _checkpoint_if_cancelled():
    task = _current().current_task_obj()
    if task._cancelled():
        await _wait_task_rescheduled(lambda _: _Abort.SUCCEEDED)


class _ParkingLot:
    """FIFO waiters with a handoff, as trio's ParkingLot."""

    def __init__(self, obj=-1):
        self._parked = []
        self._obj = obj

    def __len__(self):
        return len(self._parked)

    async def park(self, reason):
        task = _current().current_task_obj()
        self._parked.append(task)

        def abort(_):
            if task in self._parked:
                self._parked.remove(task)
            return _Abort.SUCCEEDED

        return await _wait_task_rescheduled(abort, reason, self._obj)

    def unpark(self, value=None):
        if not self._parked:
            return None
        task = self._parked.pop(0)
        _current().reschedule(task, value)
        return task

    def unpark_all(self):
        while self._parked:
            self.unpark()

    def statistics(self):
        return _Stats("_ParkingLotStatistics", tasks_waiting=len(self._parked))


class _Stats:
    def __init__(self, _name, **fields):
        self._name = _name
        self._fields = fields
        for k, v in fields.items():
            setattr(self, k, v)

    def __repr__(self):
        return f"{self._name}(" + ", ".join(f"{k}={v!r}" for k, v in self._fields.items()) + ")"

    def __eq__(self, other):
        return isinstance(other, _Stats) and self._fields == other._fields


# ---- cancel scopes ----





class CancelScope:
    def __init__(self, *, deadline=_math.inf, shield=False):
        self._deadline = deadline
        self._shield = shield
        self._cancel_called = False
        self.cancelled_caught = False
        self._entered = False
        self._task = None
        self._entry = None
        # what made it, for `info timers`: (function, its argument) or None
        self._what = None

    def _enter_as_root(self):
        self._entered = True

    def __enter__(self):
        r = _current()
        task = r.current_task_obj()
        if self._entered:
            raise RuntimeError("Each CancelScope may only be used for a single 'with' block")
        self._entered = True
        self._task = task
        task._scopes.append(self)
        if self._deadline != _math.inf and not self._cancel_called:
            if self._deadline <= r.now():
                self.cancel()
            else:
                r.add_deadline(self)
        return self

    def __exit__(self, etype, exc, tb):
        r = _runner
        task = self._task
        if task is not None and self in task._scopes:
            i = task._scopes.index(self)
            del task._scopes[i:]
        if r is not None:
            r.drop_deadline(self)
        if exc is None:
            return False
        if self._cancel_called and not self._outer_visible():
            if isinstance(exc, Cancelled):
                self.cancelled_caught = True
                return True
            if isinstance(exc, BaseExceptionGroup):
                rest = exc.split(Cancelled)[1]
                if rest is None:
                    self.cancelled_caught = True
                    return True
                if rest is not exc:
                    raise rest
        return False

    def _outer_visible(self):
        """Is a cancellation of an enclosing scope visible here?  Then a
        Cancelled goes on past this scope to the outermost one."""
        task = self._task
        if task is None or self._shield:
            return False
        outer = task._scopes[:task._scopes.index(self)] if self in task._scopes else task._scopes
        for s in reversed(outer):
            if s._cancel_called:
                return True
            if s._shield:
                return False
        return False

    def cancel(self):
        if self._cancel_called:
            return
        self._cancel_called = True
        r = _runner
        if r is not None:
            r.drop_deadline(self)
            r.cancel_scope(self)

    @property
    def cancel_called(self):
        return self._cancel_called

    @property
    def deadline(self):
        return self._deadline

    @deadline.setter
    def deadline(self, value):
        self._deadline = float(value)
        r = _runner
        if r is not None and self._entered and self._task is not None and not self._cancel_called:
            r.drop_deadline(self)
            if self._deadline <= r.now():
                self.cancel()
            elif self._deadline != _math.inf:
                r.add_deadline(self)

    @property
    def shield(self):
        return self._shield

    @shield.setter
    def shield(self, value):
        self._shield = bool(value)
        r = _runner
        if r is not None and not value:
            for task in list(r.tasks):
                if task._abort is not None and self in task._scopes and task._cancelled():
                    r.try_abort(task)

    def __repr__(self):
        return f"<trio.CancelScope at {id(self):#x}>"


def move_on_at(deadline):
    s = CancelScope(deadline=deadline)
    s._what = ("move_on_at", deadline)
    return s


def move_on_after(seconds):
    if seconds < 0:
        raise ValueError("timeout must be non-negative")
    s = move_on_at(current_time() + seconds)
    s._what = ("move_on_after", seconds)
    return s


class _FailScope:
    def __init__(self, deadline, what):
        self._scope = CancelScope(deadline=deadline)
        self._scope._what = what

    def __enter__(self):
        return self._scope.__enter__()

    def __exit__(self, etype, exc, tb):
        handled = self._scope.__exit__(etype, exc, tb)
        if self._scope.cancelled_caught:
            raise TooSlowError
        return handled


def fail_at(deadline):
    return _FailScope(deadline, ("fail_at", deadline))


def fail_after(seconds):
    if seconds < 0:
        raise ValueError("timeout must be non-negative")
    return _FailScope(current_time() + seconds, ("fail_after", seconds))


def current_time():
    return _current().now()


def current_effective_deadline():
    task = _current().current_task_obj()
    d = _math.inf
    for s in reversed(task._scopes):
        if s._cancel_called:
            return -_math.inf
        d = min(d, s._deadline)
        if s._shield:
            break
    return d


async def sleep_forever():
    await _wait_task_rescheduled(lambda _: _Abort.SUCCEEDED, "TRIO_PARK")


async def _sleep_until(deadline, what):
    s = CancelScope(deadline=deadline)
    s._what = what
    with s:
        await _wait_task_rescheduled(lambda _: _Abort.SUCCEEDED, "TRIO_SLEEP")


async def sleep_until(deadline):
    await _sleep_until(deadline, ("sleep_until", deadline))


async def sleep(seconds):
    if seconds < 0:
        raise ValueError("duration must be non-negative")
    if seconds == 0:
        await _checkpoint()
    else:
        await _sleep_until(current_time() + seconds, ("sleep", seconds))


# ---- nurseries ----


class _TaskStatus:
    def __init__(self, nursery, waiter):
        self._nursery = nursery
        self._waiter = waiter
        self._called = False
        self._task = None

    def started(self, value=None):
        if self._called:
            raise RuntimeError("called 'started' twice on the same task status")
        self._called = True
        r = _current()
        r.reschedule(self._waiter, value)

    def __repr__(self):
        return "<Task status object at {:#x}>".format(id(self))


class _TaskStatusIgnored:
    def started(self, value=None):
        pass

    def __repr__(self):
        return "TASK_STATUS_IGNORED"


TASK_STATUS_IGNORED = _TaskStatusIgnored()


class Nursery:
    def __init__(self, parent_task, scope, strict):
        self._parent_task = parent_task
        self.cancel_scope = scope
        self._children = set()
        self._pending_excs = []
        self._closed = False
        self._parent_waiting = False
        self._strict = strict
        self._starts = {}

    @property
    def child_tasks(self):
        return frozenset(self._children)

    @property
    def parent_task(self):
        return self._parent_task

    def start_soon(self, async_fn, *args, name=None):
        if self._closed:
            raise RuntimeError("Nursery is closed to new arrivals")
        coro = _coro_of(async_fn, args, "start_soon")
        r = _current()
        r.spawn(coro, name if isinstance(name, str) else _name_of(name or async_fn), self, None)

    async def start(self, async_fn, *args, name=None):
        if self._closed:
            raise RuntimeError("Nursery is closed to new arrivals")
        r = _current()
        me = r.current_task_obj()
        status = _TaskStatus(self, me)
        coro = _coro_of(lambda *a: async_fn(*a, task_status=status), args, "start")
        child = r.spawn(coro, name if isinstance(name, str) else _name_of(name or async_fn), self, None)
        status._task = child
        self._starts[child] = status
        value = await _wait_task_rescheduled(lambda _: _Abort.FAILED, "TRIO_START")
        return value

    def _child_finished(self, task, exc):
        self._children.discard(task)
        status = self._starts.pop(task, None)
        r = _runner
        if status is not None and not status._called:
            # it ended before started(): the exception (or this error) goes
            # to the caller of start()
            status._called = True
            if exc is None:
                exc = RuntimeError("child exited without calling task_status.started()")
            r.reschedule(status._waiter, exc=exc)
            exc = None
        if exc is not None:
            self._pending_excs.append(exc)
            self.cancel_scope.cancel()
        if self._parent_waiting and not self._children:
            self._parent_waiting = False
            r.reschedule(self._parent_task)

    def __repr__(self):
        return f"<trio.Nursery at {id(self):#x}>"


class _NurseryManager:
    def __init__(self, strict):
        self._strict = strict

    async def __aenter__(self):
        r = _current()
        task = r.current_task_obj()
        self._scope = CancelScope()
        self._scope.__enter__()
        self._nursery = Nursery(task, self._scope, self._strict)
        task.child_nurseries.append(self._nursery)
        return self._nursery

    async def __aexit__(self, etype, exc, tb):
        n = self._nursery
        r = _current()
        task = r.current_task_obj()
        if exc is not None:
            n._pending_excs.append(exc)
            self._scope.cancel()
        if n._children:
            n._parent_waiting = True

            def abort(raise_cancel):
                return _Abort.FAILED

            try:
                await _wait_task_rescheduled(abort, "TRIO_NURSERY")
            except BaseException as e:  # noqa
                n._pending_excs.append(e)
        else:
            # nothing to wait for: trio still makes this a full checkpoint
            try:
                await _checkpoint()
            except BaseException as e:  # noqa
                n._pending_excs.append(e)
        n._closed = True
        if n in task.child_nurseries:
            task.child_nurseries.remove(n)
        excs = n._pending_excs
        if self._scope._cancel_called and not self._scope._outer_visible():
            # the nursery's own cancellation: its Cancelled end here
            kept = [e for e in excs if not isinstance(e, Cancelled)]
            if len(kept) != len(excs):
                self._scope.cancelled_caught = True
            excs = kept
        combined = None
        if excs:
            if len(excs) == 1 and not self._strict:
                combined = excs[0]
            else:
                combined = _multi(excs)
        try:
            if combined is None:
                self._scope.__exit__(None, None, None)
                return True
            if self._scope.__exit__(type(combined), combined, None):
                return True
        except BaseException as e:
            combined = e
        if combined is exc:
            return False
        raise combined


def open_nursery(strict_exception_groups=None):
    return _NurseryManager(_strict_default if strict_exception_groups is None else strict_exception_groups)


# ---- synchronisation ----


class Event:
    def __init__(self):
        self._flag = False
        self._tasks = []
        self._obj = _il.obj("event")

    def is_set(self):
        return self._flag

    def set(self):
        if not self._flag:
            self._flag = True
            r = _current()
            for task in self._tasks:
                r.reschedule(task)
            self._tasks = []

    async def wait(self):
        if self._flag:
            await _checkpoint()
            return
        task = _current().current_task_obj()
        self._tasks.append(task)

        def abort(_):
            self._tasks.remove(task)
            return _Abort.SUCCEEDED

        await _wait_task_rescheduled(abort, "TRIO_EVENT", self._obj)

    def statistics(self):
        return _Stats("_EventStatistics", tasks_waiting=len(self._tasks))


class _LockBase:
    def __init__(self):
        self._lot = _ParkingLot(_il.obj("lock"))
        self._owner = None

    def locked(self):
        return self._owner is not None

    def acquire_nowait(self):
        task = _current().current_task_obj()
        if self._owner is task:
            raise RuntimeError("attempt to re-acquire an already held Lock")
        if self._owner is None and not self._lot:
            self._owner = task
        else:
            raise WouldBlock

    async def acquire(self):
        await _checkpoint_if_cancelled()
        try:
            self.acquire_nowait()
        except WouldBlock:
            await self._lot.park("TRIO_LOCK")
        else:
            await _cancel_shielded_checkpoint()

    def release(self):
        task = _current().current_task_obj()
        if task is not self._owner:
            raise RuntimeError("can't release a Lock you don't own")
        if self._lot:
            self._owner = self._lot.unpark()
        else:
            self._owner = None

    async def __aenter__(self):
        await self.acquire()

    async def __aexit__(self, *args):
        self.release()

    def statistics(self):
        return _Stats("_LockStatistics", locked=self.locked(), owner=self._owner, tasks_waiting=len(self._lot))


class Lock(_LockBase):
    def __repr__(self):
        s = "locked" if self.locked() else "unlocked"
        return f"<{s} trio.Lock object at {id(self):#x}>"


class StrictFIFOLock(_LockBase):
    def __repr__(self):
        s = "locked" if self.locked() else "unlocked"
        return f"<{s} trio.StrictFIFOLock object at {id(self):#x}>"


class Semaphore:
    def __init__(self, initial_value, *, max_value=None):
        if not isinstance(initial_value, int):
            raise TypeError("initial_value must be an int")
        if initial_value < 0:
            raise ValueError("initial value must be >= 0")
        if max_value is not None:
            if not isinstance(max_value, int):
                raise TypeError("max_value must be None or an int")
            if max_value < initial_value:
                raise ValueError("max_values must be >= initial_value")
        self._value = initial_value
        self._max_value = max_value
        self._lot = _ParkingLot(_il.obj("semaphore"))

    @property
    def value(self):
        return self._value

    @property
    def max_value(self):
        return self._max_value

    def acquire_nowait(self):
        if self._value == 0:
            raise WouldBlock
        self._value -= 1

    async def acquire(self):
        await _checkpoint_if_cancelled()
        try:
            self.acquire_nowait()
        except WouldBlock:
            await self._lot.park("TRIO_LOCK")
        else:
            await _cancel_shielded_checkpoint()

    def release(self):
        if self._lot:
            self._lot.unpark()
        else:
            if self._max_value is not None and self._value == self._max_value:
                raise ValueError("semaphore released too many times")
            self._value += 1

    async def __aenter__(self):
        await self.acquire()

    async def __aexit__(self, *args):
        self.release()

    def statistics(self):
        return self._lot.statistics()

    def __repr__(self):
        mv = "" if self._max_value is None else f", max_value={self._max_value}"
        return f"<trio.Semaphore({self._value}{mv}) at {id(self):#x}>"


class CapacityLimiter:
    def __init__(self, total_tokens):
        self._lot = _ParkingLot(_il.obj("semaphore"))
        self._borrowers = set()
        self._pending = {}
        self.total_tokens = total_tokens

    @property
    def total_tokens(self):
        return self._total

    @total_tokens.setter
    def total_tokens(self, new):
        if not isinstance(new, int) and new != _math.inf:
            raise TypeError("total_tokens must be an int or math.inf")
        if new < 1:
            raise ValueError("total_tokens must be >= 1")
        self._total = new
        while self._lot and len(self._borrowers) < self._total:
            task = self._lot._parked[0]
            self._borrowers.add(self._pending.pop(task))
            self._lot.unpark()

    @property
    def borrowed_tokens(self):
        return len(self._borrowers)

    @property
    def available_tokens(self):
        return self._total - len(self._borrowers)

    def acquire_on_behalf_of_nowait(self, borrower):
        if borrower in self._borrowers:
            raise RuntimeError("this borrower is already holding one of this CapacityLimiter's tokens")
        if len(self._borrowers) < self._total and not self._lot:
            self._borrowers.add(borrower)
        else:
            raise WouldBlock

    def acquire_nowait(self):
        self.acquire_on_behalf_of_nowait(_current().current_task_obj())

    async def acquire_on_behalf_of(self, borrower):
        await _checkpoint_if_cancelled()
        try:
            self.acquire_on_behalf_of_nowait(borrower)
        except WouldBlock:
            task = _current().current_task_obj()
            self._pending[task] = borrower
            try:
                await self._lot.park("TRIO_LOCK")
            except BaseException:
                self._pending.pop(task, None)
                raise
        else:
            await _cancel_shielded_checkpoint()

    async def acquire(self):
        await self.acquire_on_behalf_of(_current().current_task_obj())

    def release_on_behalf_of(self, borrower):
        if borrower not in self._borrowers:
            raise RuntimeError("this borrower isn't holding any of this CapacityLimiter's tokens")
        self._borrowers.remove(borrower)
        if self._lot and len(self._borrowers) < self._total:
            task = self._lot._parked[0]
            self._borrowers.add(self._pending.pop(task))
            self._lot.unpark()

    def release(self):
        self.release_on_behalf_of(_current().current_task_obj())

    async def __aenter__(self):
        await self.acquire()

    async def __aexit__(self, *args):
        self.release()

    def statistics(self):
        return _Stats("_CapacityLimiterStatistics", borrowed_tokens=len(self._borrowers), total_tokens=self._total,
                      borrowers=list(self._borrowers), tasks_waiting=len(self._lot))

    def __repr__(self):
        return f"<trio.CapacityLimiter at {id(self):#x}, {len(self._borrowers)}/{self._total} with {len(self._lot)} waiting>"


# ---- memory channels ----


class _ChannelState:
    def __init__(self, max_buffer_size):
        self.max = max_buffer_size
        self.data = []
        self.open_send = 0
        self.open_receive = 0
        self.send_tasks = []      # [task, value]
        self.receive_tasks = []
        self.obj = _il.obj("queue")
        if _runner is not None:
            _runner.channels[id(self)] = self

    def closed(self):
        # every clone of both ends closed: nothing more to show
        if not self.open_send and not self.open_receive and _runner is not None:
            _runner.channels.pop(id(self), None)

    def statistics(self):
        return _Stats("MemoryChannelStats", current_buffer_used=len(self.data), max_buffer_size=self.max,
                      open_send_channels=self.open_send, open_receive_channels=self.open_receive,
                      tasks_waiting_send=len(self.send_tasks), tasks_waiting_receive=len(self.receive_tasks))


class MemorySendChannel:
    def __init__(self, state):
        self._state = state
        self._closed = False
        state.open_send += 1

    def send_nowait(self, value):
        if self._closed:
            raise ClosedResourceError
        st = self._state
        if st.open_receive == 0:
            raise BrokenResourceError
        if st.receive_tasks:
            task = st.receive_tasks.pop(0)
            _current().reschedule(task, value)
        elif len(st.data) < st.max:
            st.data.append(value)
        else:
            raise WouldBlock

    async def send(self, value):
        await _checkpoint_if_cancelled()
        try:
            self.send_nowait(value)
        except WouldBlock:
            pass
        else:
            await _cancel_shielded_checkpoint()
            return
        st = self._state
        r = _current()
        task = r.current_task_obj()
        entry = [task, value]
        st.send_tasks.append(entry)
        r.channels[id(st)] = st

        def abort(_):
            if entry in st.send_tasks:
                st.send_tasks.remove(entry)
            return _Abort.SUCCEEDED

        await _wait_task_rescheduled(abort, "TRIO_CHANNEL", st.obj)

    def clone(self):
        if self._closed:
            raise ClosedResourceError
        return MemorySendChannel(self._state)

    def close(self):
        if self._closed:
            return
        self._closed = True
        st = self._state
        st.open_send -= 1
        if st.open_send == 0:
            r = _current()
            for task in st.receive_tasks:
                r.reschedule(task, exc=EndOfChannel())
            st.receive_tasks = []
        st.closed()

    async def aclose(self):
        self.close()
        await _checkpoint()

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()

    async def __aenter__(self):
        return self

    async def __aexit__(self, *args):
        self.close()

    def statistics(self):
        return self._state.statistics()

    def __repr__(self):
        return f"<send channel at {id(self):#x}, using buffer at {id(self._state):#x}>"


class MemoryReceiveChannel:
    def __init__(self, state):
        self._state = state
        self._closed = False
        state.open_receive += 1

    def receive_nowait(self):
        if self._closed:
            raise ClosedResourceError
        st = self._state
        if st.send_tasks:
            task, value = st.send_tasks.pop(0)
            st.data.append(value)
            _current().reschedule(task)
        if st.data:
            return st.data.pop(0)
        if not st.open_send:
            raise EndOfChannel
        raise WouldBlock

    async def receive(self):
        await _checkpoint_if_cancelled()
        try:
            value = self.receive_nowait()
        except WouldBlock:
            pass
        else:
            await _cancel_shielded_checkpoint()
            return value
        st = self._state
        r = _current()
        task = r.current_task_obj()
        st.receive_tasks.append(task)
        r.channels[id(st)] = st

        def abort(_):
            if task in st.receive_tasks:
                st.receive_tasks.remove(task)
            return _Abort.SUCCEEDED

        return await _wait_task_rescheduled(abort, "TRIO_CHANNEL", st.obj)

    def clone(self):
        if self._closed:
            raise ClosedResourceError
        return MemoryReceiveChannel(self._state)

    def close(self):
        if self._closed:
            return
        self._closed = True
        st = self._state
        st.open_receive -= 1
        if st.open_receive == 0:
            r = _current()
            for task, _v in st.send_tasks:
                r.reschedule(task, exc=BrokenResourceError())
            st.send_tasks = []
            st.data = []
        st.closed()

    async def aclose(self):
        self.close()
        await _checkpoint()

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()

    async def __aenter__(self):
        return self

    async def __aexit__(self, *args):
        self.close()

    def __aiter__(self):
        return self

    async def __anext__(self):
        try:
            return await self.receive()
        except EndOfChannel:
            raise StopAsyncIteration

    def statistics(self):
        return self._state.statistics()

    def __repr__(self):
        return f"<receive channel at {id(self):#x}, using buffer at {id(self._state):#x}>"


def open_memory_channel(max_buffer_size):
    if max_buffer_size != _math.inf and not isinstance(max_buffer_size, int):
        raise TypeError("max_buffer_size must be an integer or math.inf")
    if max_buffer_size < 0:
        raise ValueError("max_buffer_size must be >= 0")
    st = _ChannelState(max_buffer_size)
    return MemorySendChannel(st), MemoryReceiveChannel(st)


# ---- threads ----


class _ToThread:
    def __init__(self):
        self._limiter = None

    def current_default_thread_limiter(self):
        if self._limiter is None:
            self._limiter = CapacityLimiter(40)
        return self._limiter

    async def run_sync(self, sync_fn, *args, cancellable=False, limiter=None):
        if limiter is None:
            limiter = self.current_default_thread_limiter()
        r = _current()
        task = r.current_task_obj()
        await limiter.acquire_on_behalf_of(task)
        box = {}

        def report():
            r.threads -= 1
            limiter.release_on_behalf_of(task)
            if not box.get('abandoned'):
                if 'exc' in box:
                    r.reschedule(task, exc=box['exc'])
                else:
                    r.reschedule(task, box.get('value'))

        def worker():
            _from_thread.runner = r
            try:
                box['value'] = sync_fn(*args)
            except BaseException as e:  # noqa
                box['exc'] = e
            r.wake.put(report)

        r.threads += 1
        t = _threading.Thread(target=worker, name=f"Trio thread {_ToThread._n}", daemon=True)
        _ToThread._n += 1
        t.start()

        def abort(raise_cancel):
            if cancellable:
                box['abandoned'] = True
                return _Abort.SUCCEEDED
            return _Abort.FAILED

        return await _wait_task_rescheduled(abort, "TRIO_THREAD")


_ToThread._n = 0
_to_thread = _ToThread()


class _FromThread:
    runner = None

    def run_sync(self, fn, *args):
        r = self.runner
        done = _queue.SimpleQueue()

        def call():
            try:
                done.put((fn(*args), None))
            except BaseException as e:  # noqa
                done.put((None, e))

        r.wake.put(call)
        value, exc = done.get()
        if exc is not None:
            raise exc
        return value

    def run(self, afn, *args):
        r = self.runner
        done = _queue.SimpleQueue()

        async def wrapper():
            try:
                done.put((await afn(*args), None))
            except BaseException as e:  # noqa
                done.put((None, e))

        def call():
            r.spawn(wrapper(), _name_of(afn), None, None)

        r.wake.put(call)
        value, exc = done.get()
        if exc is not None:
            raise exc
        return value


_from_thread = _FromThread()


# ---- lowlevel ----


class _Lowlevel:
    Abort = _Abort

    @staticmethod
    async def checkpoint():
        await _checkpoint()

    @staticmethod
    async def checkpoint_if_cancelled():
        await _checkpoint_if_cancelled()

    @staticmethod
    async def cancel_shielded_checkpoint():
        await _cancel_shielded_checkpoint()

    @staticmethod
    def current_task():
        return _current().current_task_obj()

    @staticmethod
    def current_root_task():
        return _current().main

    @staticmethod
    async def wait_task_rescheduled(abort_func):
        return await _wait_task_rescheduled(abort_func)

    @staticmethod
    def reschedule(task, next_send=None):
        _current().reschedule(task, next_send)

    @staticmethod
    def current_clock():
        return None

    @staticmethod
    def add_instrument(instrument):
        _current().instruments.add(instrument)

    @staticmethod
    def remove_instrument(instrument):
        _current().instruments.remove(instrument)


# ---- the submodules ----

# trio.lowlevel, trio.to_thread, trio.from_thread and trio.abc have no
# Python part of their own: importing one fills it from this table
# (sim/lib/modules.c), and `import trio` brings them along as trio's own
# __init__ does.  Their names are listed again in sim/lib/mod_drivers.c,
# which the load-time check reads: a name of these modules that is not
# here is an error at load, not an AttributeError at run time.
_submodules = {
    'lowlevel': {
        'Abort': _Abort, 'Task': _Task, 'checkpoint': _Lowlevel.checkpoint,
        'checkpoint_if_cancelled': _Lowlevel.checkpoint_if_cancelled,
        'cancel_shielded_checkpoint': _Lowlevel.cancel_shielded_checkpoint,
        'current_task': _Lowlevel.current_task, 'current_root_task': _Lowlevel.current_root_task,
        'wait_task_rescheduled': _Lowlevel.wait_task_rescheduled, 'reschedule': _Lowlevel.reschedule,
        'current_clock': _Lowlevel.current_clock, 'add_instrument': _Lowlevel.add_instrument,
        'remove_instrument': _Lowlevel.remove_instrument,
    },
    'to_thread': {
        'run_sync': _to_thread.run_sync,
        'current_default_thread_limiter': _to_thread.current_default_thread_limiter,
    },
    'from_thread': {'run': _from_thread.run, 'run_sync': _from_thread.run_sync},
    'abc': {'Instrument': Instrument},
}
