# gevent, simulated (the behaviour of gevent 22.10 on libev, the oracle
# Debian's python3-gevent).  Like real gevent it is greenlets (the core's,
# sim/core/green.h, through sim/py/greenlet.py) around a hub: a greenlet
# that runs the event loop and switches into the others from its
# callbacks and timers.  The loop is libev's, in Python, on the virtual
# clock: each turn runs the callback queue (spawned greenlets' first
# switch, sleep(0), notifications) until it is empty, looking at the clock
# only every 50 callbacks; then it waits for the first timer and fires the
# expired ones in the order of libev's 4-ary heap, which is not FIFO for
# equal deadlines.  Nothing preempts a greenlet: it runs until it blocks.
# _interleave gives every started Greenlet a row on the timeline under its
# thread; the hub's own work shows on the thread's row.
#
# The submodules (gevent.queue, gevent.event, gevent.pool, gevent.lock,
# gevent.hub, gevent.timeout, gevent.exceptions, gevent.greenlet,
# gevent.monkey) are views of this one file: _submodules below says what
# each one holds.
import _interleave as _il
import sys as _sys
import time as _time
import queue as _stdqueue
import threading as _threading
from greenlet import greenlet as _greenlet, getcurrent, GreenletExit, settrace as _settrace

__version__ = '22.10.2'
__all__ = []

_CALLBACK_CHECK_COUNT = 50   # callbacks between two looks at the clock
_HEAP0 = 3                   # libev's 4-ary heap starts at index 3


# ---- exceptions ----


class LoopExit(Exception):
    __module__ = 'gevent.exceptions'

    def __str__(self):
        if len(self.args) == 3:
            hub = self.args[1]
            return "%s\n\tHub: %r\n\tHandles:\n%r" % (self.args[0], hub, self.args[2])
        return Exception.__str__(self)


class ConcurrentObjectUseError(AssertionError):
    __module__ = 'gevent.exceptions'


class InvalidSwitchError(AssertionError):
    __module__ = 'gevent.exceptions'


class BlockingSwitchOutError(AssertionError):
    __module__ = 'gevent.exceptions'


class InvalidThreadUseError(RuntimeError):
    __module__ = 'gevent.exceptions'


class HubDestroyed(GreenletExit):
    __module__ = 'gevent.exceptions'


# ---- the timeline ----

# why the running greenlet is about to switch to the hub: its row's state
# and reason until it runs again (set just before the switch)
_parking = None


def _park_as(state, reason, obj=-1):
    # obj: the trace object of what it waits on (_il.obj), which the
    # timeline and explain then name
    global _parking
    _parking = (state, reason, obj)


def _trace(event, args):
    global _parking
    origin, target = args
    row = getattr(origin, '_row', None)
    if row is not None:
        if origin._exc_info is not None or origin._start_event is _cancelled_start_event:
            _il.park(row, "done", "DONE")
        else:
            state, reason, obj = _parking or ("blocked", "HUB_WAIT", -1)
            _il.park(row, state, reason, obj)
    _parking = None
    row = getattr(target, '_row', None)
    if row is not None:
        _il.run(row)


_settrace(_trace)


# ---- the loop: libev's, on the virtual clock ----


class _Callback:
    # a queued call; true while it has not run (gevent's callback objects)
    def __init__(self, callback, args):
        self.callback = callback
        self.args = args

    def stop(self):
        self.callback = None
        self.args = None

    close = stop

    @property
    def pending(self):
        return self.callback is not None

    def __bool__(self):
        return self.args is not None

    def __repr__(self):
        return "<callback at 0x%x %s>" % (id(self), "pending" if self.pending else "stopped")


class _Watcher:
    # what timers and idle watchers share: a callback, ref, and the flag
    # libev keeps between queueing a fired watcher and calling it
    def __init__(self, loop, ref):
        self.loop = loop
        self.ref = ref
        self.callback = None
        self.args = None
        self._pending = False

    @property
    def pending(self):
        return self._pending

    def close(self):
        self.stop()

    def __enter__(self):
        return self

    def __exit__(self, typ, value, tb):
        self.close()


class _Timer(_Watcher):
    def __init__(self, loop, after, ref):
        _Watcher.__init__(self, loop, ref)
        self.after = after
        self.at = 0.0
        self.index = -1          # its place in the loop's heap, -1: not active
        # for `info timers`: the greenlet it is for, and what made it
        # (function, its argument), when known
        self._il_who = None
        self._il_what = None

    @property
    def active(self):
        return self.index >= 0

    def start(self, callback, *args, update=None):
        if update is None:
            update = self.loop._timers_update_now
        if update:
            self.loop.update_now()
        self.callback = callback
        self.args = args
        if self.index < 0:
            self.at = self.loop._now + self.after
            self.loop._timer_start(self)

    def stop(self):
        self._pending = False
        if self.index >= 0:
            self.loop._timer_stop(self)
        self.callback = None
        self.args = None


class _Idle(_Watcher):
    @property
    def active(self):
        return self in self.loop._idles

    def start(self, callback, *args):
        self.callback = callback
        self.args = args
        if self not in self.loop._idles:
            self.loop._idles.append(self)

    def stop(self):
        self._pending = False
        if self in self.loop._idles:
            self.loop._idles.remove(self)
        self.callback = None
        self.args = None


class _Loop:
    def __init__(self, hub):
        self.hub = hub
        self._callbacks = []
        self._cb_head = 0
        self._heap = [None] * _HEAP0
        self._idles = []
        self._now = _time.monotonic()
        # gevent lets a timer started from a callback (a greenlet the
        # callback pass switched into) read the clock first; one started
        # from a timer's callback uses the turn's cached time
        self._timers_update_now = False
        self.default = True

    # -- time --
    def now(self):
        return self._now

    def update_now(self):
        self._now = _time.monotonic()

    update = update_now

    # -- watchers --
    def run_callback(self, func, *args):
        cb = _Callback(func, args)
        self._callbacks.append(cb)
        return cb

    def timer(self, after, repeat=0.0, ref=True, priority=None):
        return _Timer(self, after, ref)

    def idle(self, ref=True, priority=None):
        return _Idle(self, ref)

    # -- libev's 4-ary heap, as ev.c keeps it --
    def _upheap(self, k):
        heap = self._heap
        w = heap[k]
        while k > _HEAP0:
            p = (k - _HEAP0 - 1) // 4 + _HEAP0
            if heap[p].at <= w.at:
                break
            heap[k] = heap[p]
            heap[k].index = k
            k = p
        heap[k] = w
        w.index = k

    def _downheap(self, k):
        heap = self._heap
        w = heap[k]
        end = len(heap)
        while True:
            pos = 4 * (k - _HEAP0) + _HEAP0 + 1
            if pos >= end:
                break
            minpos = pos
            minat = heap[pos].at
            for c in range(pos + 1, min(pos + 4, end)):
                if minat > heap[c].at:
                    minpos = c
                    minat = heap[c].at
            if w.at <= minat:
                break
            heap[k] = heap[minpos]
            heap[k].index = k
            k = minpos
        heap[k] = w
        w.index = k

    def _timer_start(self, t):
        self._heap.append(t)
        t.index = len(self._heap) - 1
        self._upheap(t.index)

    def _timer_stop(self, t):
        heap = self._heap
        k = t.index
        t.index = -1
        last = heap.pop()
        if last is not t:
            heap[k] = last
            last.index = k
            if k > _HEAP0 and heap[k].at <= heap[(k - _HEAP0 - 1) // 4 + _HEAP0].at:
                self._upheap(k)
            else:
                self._downheap(k)

    # -- running --
    def _active(self):
        if self._cb_head < len(self._callbacks) or self._idles:
            return True
        for t in self._heap[_HEAP0:]:
            if t.ref:
                return True
        return False

    def _run_callbacks(self):
        count = _CALLBACK_CHECK_COUNT
        expiration = self._now + _sys.getswitchinterval()
        self._timers_update_now = True
        try:
            cbs = self._callbacks
            while self._cb_head < len(cbs):
                cb = cbs[self._cb_head]
                self._cb_head += 1
                if self._cb_head > 64 and self._cb_head * 2 > len(cbs):
                    del cbs[:self._cb_head]
                    self._cb_head = 0
                count -= 1
                func, args = cb.callback, cb.args
                cb.callback = cb.args = None
                if func is None or args is None:
                    continue
                try:
                    func(*args)
                except BaseException as e:  # noqa
                    self.hub.handle_error(cb, type(e), e, None)
                if count == 0 and self._cb_head < len(cbs):
                    count = _CALLBACK_CHECK_COUNT
                    self.update_now()
                    if self._now >= expiration:
                        break
        finally:
            self._timers_update_now = False

    def _invoke(self, w):
        if not w._pending:
            return
        w._pending = False
        func, args = w.callback, w.args
        if func is None:
            return
        try:
            func(*args)
        except BaseException as e:  # noqa
            self.hub.handle_error(w, type(e), e, None)

    def run(self):
        # ev_run until nothing active and referenced is left
        while True:
            self._run_callbacks()
            self.update_now()
            if self._active() and self._cb_head >= len(self._callbacks) and not self._idles:
                if len(self._heap) > _HEAP0:
                    wait = self._heap[_HEAP0].at - self._now
                    if wait > 0:
                        # epoll takes whole milliseconds, rounded up as
                        # libev does, and at least one
                        _il.idle(max(int(wait * 1e3 + 0.9999), 1) / 1e3, "HUB_IDLE")
                else:
                    # only unreferenced timers: libev would block on them;
                    # nothing in the simulation can wake it otherwise
                    pass
            self.update_now()
            fired = []
            heap = self._heap
            while len(heap) > _HEAP0 and heap[_HEAP0].at <= self._now:
                t = heap[_HEAP0]
                self._timer_stop(t)
                t._pending = True
                fired.append(t)
            if not fired and self._idles:
                for w in self._idles:
                    w._pending = True
                fired = list(self._idles)
            for w in fired:
                self._invoke(w)
            if not self._active():
                return

    def _format(self):
        return "epoll default pending=0 ref=%d" % (len(self._callbacks) - self._cb_head)


# ---- the hub ----


class _IdentRegistry:
    def __init__(self):
        self._next = 0
        self._idents = {}

    def get_ident(self, obj):
        i = self._idents.get(id(obj))
        if i is None:
            i = self._idents[id(obj)] = self._next
            self._next += 1
        return i


_hubs = []          # every hub made (one per thread that used gevent)
_IL_QUEUES = 64     # queues a hub keeps for `info queues` before it drops idle ones


class Hub(_greenlet):
    __module__ = 'gevent.hub'
    SYSTEM_ERROR = (KeyboardInterrupt, SystemExit)
    NOT_ERROR = (GreenletExit, SystemExit)
    name = ''

    def __init__(self, loop=None, default=None):
        _greenlet.__init__(self)
        self.loop = _Loop(self)
        self.ident_registry = _IdentRegistry()
        self.thread_ident = _threading.get_ident()
        self.minimal_ident = 1
        # for the debugger's `info timers` and `info queues`
        # (sim/lib/mod_drivers.c reads them): the thread's name, and the
        # queues made under this hub (id -> Queue)
        self._il_thread = _threading.current_thread().name
        self._il_queues = {}
        _hubs.append(self)

    def _il_watch(self, queue):
        # a queue to show; past _IL_QUEUES of them, the idle ones (empty,
        # nobody waiting) are let go, so a program that makes a queue per
        # request does not keep them all alive
        qs = self._il_queues
        qs[id(queue)] = queue
        if len(qs) > _IL_QUEUES:
            for k in [k for k, q in qs.items() if not q.queue and not q.getters and not q.putters and q is not queue]:
                del qs[k]

    def __repr__(self):
        return "<Hub %r at 0x%x %s thread_ident=%s>" % (self.name, id(self), self.loop._format(), hex(self.thread_ident))

    @property
    def main_hub(self):
        return True

    def switch(self):
        out = getattr(getcurrent(), 'switch_out', None)
        if out is not None:
            out()
        return _greenlet.switch(self)

    def run(self):
        while True:
            self.loop.run()
            # nothing can ever wake whoever waits: the main greenlet
            # learns it from the call it waits in
            self.parent.throw(LoopExit('This operation would block forever', self, []))

    def wait(self, watcher):
        waiter = Waiter(self)
        watcher.start(waiter.switch, waiter)
        try:
            result = waiter.get()
            if result is not waiter:
                raise InvalidSwitchError('Invalid switch into %s: got %r (expected %r; waiting on %r with %r)' %
                                         (getcurrent(), result, waiter, self, watcher))
        finally:
            watcher.stop()

    def join(self, timeout=None):
        if self.dead:
            return True
        waiter = Waiter(self)
        t = None
        if timeout is not None:
            t = self.loop.timer(timeout, ref=False)
            t.start(waiter.switch, None)
        try:
            try:
                waiter.get()
            except LoopExit:
                return True
        finally:
            if t is not None:
                t.stop()
        return False

    def handle_error(self, context, type, value, tb):
        if isinstance(value, str):
            value = type(value)
        if not issubclass(type, self.NOT_ERROR):
            self.print_exception(context, type, value, tb)
        if context is None or issubclass(type, self.SYSTEM_ERROR):
            self.handle_system_error(type, value)

    def handle_system_error(self, type, value, tb=None):
        current = getcurrent()
        if current is self or current is self.parent:
            self.parent.throw(value)
        else:
            cb = self.loop.run_callback(current.switch)
            try:
                self.parent.throw(value)
            finally:
                cb.stop()

    def print_exception(self, context, t, v, tb):
        err = _sys.stderr
        if v is None:
            err.write('%s\n' % t.__name__)
        else:
            err.write(_il.format_exception(v))
        err.write(_gmctime())
        err.write(' ' if context is not None else '\n')
        if context is not None:
            if not isinstance(context, str):
                context = repr(context)
            err.write('%s failed with %s\n\n' % (context, getattr(t, '__name__', 'exception')))

    def destroy(self, destroy_loop=None):
        _thread_root()._gevent_hub = None


def _gmctime():
    # the virtual clock's UTC time, as gevent prints it in failure reports
    secs = int(_time.time())
    days, rem = divmod(secs, 86400)
    hh, rem = divmod(rem, 3600)
    mm, ss = divmod(rem, 60)
    z = days + 719468
    era = z // 146097
    doe = z - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    d = doy - (153 * mp + 2) // 5 + 1
    m = mp + 3 if mp < 10 else mp - 9
    y = yoe + era * 400 + (1 if m <= 2 else 0)
    return "%04d-%02d-%02dT%02d:%02d:%02dZ" % (y, m, d, hh, mm, ss)


def _thread_root():
    g = getcurrent()
    while g.parent is not None:
        g = g.parent
    return g


def get_hub(*args, **kwargs):
    root = _thread_root()
    hub = getattr(root, '_gevent_hub', None)
    if hub is None:
        hub = Hub()
        hub.parent = root
        root._gevent_hub = hub
    return hub


def _get_hub_if_exists():
    return getattr(_thread_root(), '_gevent_hub', None)


def _switch_to_hub(state, reason, obj=-1):
    _park_as(state, reason, obj)
    return get_hub().switch()


class Waiter:
    __module__ = 'gevent._waiter'

    def __init__(self, hub=None):
        self.hub = get_hub() if hub is None else hub
        self.greenlet = None
        self.value = _NONE
        self._exception = _NONE

    def clear(self):
        self.greenlet = None
        self.value = _NONE
        self._exception = _NONE

    def ready(self):
        return self._exception is not _NONE

    def successful(self):
        return self._exception is None

    @property
    def exc_info(self):
        return None if self._exception is _NONE else self._exception

    def switch(self, value):
        if self.greenlet is None:
            self.value = value
            self._exception = None
        else:
            if getcurrent() is not self.hub:
                raise AssertionError("Can only use Waiter.switch method from the Hub greenlet")
            try:
                self.greenlet.switch(value)
            except BaseException as e:  # noqa
                self.hub.handle_error(self.greenlet.switch, type(e), e, None)

    def switch_args(self, *args):
        return self.switch(args)

    def throw(self, *throw_args):
        if self.greenlet is None:
            self._exception = throw_args
        else:
            if getcurrent() is not self.hub:
                raise AssertionError("Can only use Waiter.switch method from the Hub greenlet")
            try:
                self.greenlet.throw(*throw_args)
            except BaseException as e:  # noqa
                self.hub.handle_error(self.greenlet.throw, type(e), e, None)

    def get(self, why=("blocked", "HUB_WAIT")):
        if self._exception is not _NONE:
            if self._exception is None:
                return self.value
            getcurrent().throw(*self._exception)
        if self.greenlet is not None:
            raise ConcurrentObjectUseError('This Waiter is already used by %r' % (self.greenlet,))
        self.greenlet = getcurrent()
        try:
            _park_as(*why)
            return self.hub.switch()
        finally:
            self.greenlet = None

    def __call__(self, source):
        if source.exception is None:
            self.switch(source.value)
        else:
            self.throw(source.exception)


class _MultipleWaiter(Waiter):
    def __init__(self, hub=None):
        Waiter.__init__(self, hub)
        self._values = []

    def switch(self, value):
        self._values.append(value)
        Waiter.switch(self, True)

    def get(self, why=("blocked", "HUB_JOIN")):
        if not self._values:
            Waiter.get(self, why)
            Waiter.clear(self)
        return self._values.pop(0)


class _NoneType:
    def __repr__(self):
        return '<default value>'


_NONE = _NoneType()


# ---- sleeping, spawning, killing ----


def sleep(seconds=0, ref=True):
    hub = get_hub()
    loop = hub.loop
    if seconds <= 0:
        waiter = Waiter(hub)
        loop.run_callback(waiter.switch, None)
        waiter.get(("ready", "HUB_READY"))
    else:
        t = loop.timer(seconds, ref=ref)
        t._il_who = getcurrent()
        t._il_what = ("gevent.sleep", seconds)
        try:
            loop.update_now()
            waiter = Waiter(hub)
            t.start(waiter.switch, waiter)
            waiter.get(("sleeping", "HUB_TIMER"))
        finally:
            t.stop()


def idle(priority=0):
    hub = get_hub()
    w = hub.loop.idle()
    try:
        waiter = Waiter(hub)
        w.start(waiter.switch, waiter)
        waiter.get(("ready", "HUB_READY"))
    finally:
        w.stop()


def kill(greenlet, exception=GreenletExit):
    if not greenlet.dead:
        if hasattr(greenlet, 'kill'):
            greenlet.kill(exception=exception, block=False)
        else:
            get_hub().loop.run_callback(greenlet.throw, exception)


def spawn_raw(function, *args, **kwargs):
    if not callable(function):
        raise TypeError("function must be callable")
    hub = get_hub()
    if kwargs:
        g = _greenlet(lambda: function(*args, **kwargs), hub)
        hub.loop.run_callback(g.switch)
    else:
        g = _greenlet(function, hub)
        hub.loop.run_callback(g.switch, *args)
    return g


# ---- Timeout ----


class _FakeTimer:
    pending = False
    active = False
    seconds = None

    def start(self, *args, **kwargs):
        raise AssertionError("non-expiring timer cannot be started")

    def stop(self):
        pass

    cancel = stop
    close = stop

    def __bool__(self):
        return False

    def __enter__(self):
        return self

    def __exit__(self, t, v, tb):
        pass


_FakeTimer = _FakeTimer()


class Timeout(BaseException):
    __module__ = 'gevent.timeout'

    def __init__(self, seconds=None, exception=None, ref=True, priority=-1):
        BaseException.__init__(self)
        self.seconds = seconds
        self.exception = exception
        self._one_shot = False
        if seconds is None:
            self.timer = _FakeTimer
        else:
            self.timer = get_hub().loop.timer(seconds or 0.0, ref=ref)
            self.timer._il_what = ("Timeout", seconds)

    def start(self):
        if self.pending:
            raise AssertionError('%r is already started; to restart it, cancel it first' % self)
        if self.seconds is None:
            return
        if self.exception is None or self.exception is False or isinstance(self.exception, str):
            throws = self
        else:
            throws = self.exception
        self.timer._il_who = getcurrent()
        self.timer.start(self._on_expiration, getcurrent(), throws)

    def _on_expiration(self, prev_greenlet, ex):
        prev_greenlet.throw(ex)

    @classmethod
    def start_new(cls, timeout=None, exception=None, ref=True, _one_shot=False):
        if isinstance(timeout, Timeout):
            if not timeout.pending:
                timeout.start()
            return timeout
        timeout = cls(timeout, exception, ref=ref)
        timeout._one_shot = _one_shot
        timeout.start()
        return timeout

    @staticmethod
    def _start_new_or_dummy(timeout, exception=None, ref=True):
        if timeout is None:
            return _FakeTimer
        return Timeout.start_new(timeout, exception, ref, _one_shot=True)

    @property
    def pending(self):
        return self.timer.pending or self.timer.active

    def cancel(self):
        self.timer.stop()

    def close(self):
        self.timer.stop()

    def __repr__(self):
        classname = type(self).__name__
        if self.pending:
            pending = ' pending'
        else:
            pending = ''
        if self.exception is None:
            exception = ''
        else:
            exception = ' exception=%r' % self.exception
        return '<%s at %s seconds=%s%s%s>' % (classname, hex(id(self)), self.seconds, exception, pending)

    def __str__(self):
        if self.seconds is None:
            return ''
        suffix = '' if self.seconds == 1 else 's'
        if self.exception is None:
            return '%s second%s' % (self.seconds, suffix)
        if self.exception is False:
            return '%s second%s (silent)' % (self.seconds, suffix)
        return '%s second%s: %s' % (self.seconds, suffix, self.exception)

    def __enter__(self):
        if not self.pending:
            self.start()
        return self

    def __exit__(self, typ, value, tb):
        self.cancel()
        if value is self and self.exception is False:
            return True
        return None


def with_timeout(seconds, function, *args, **kwds):
    timeout_value = kwds.pop("timeout_value", _NONE)
    timeout = Timeout.start_new(seconds, _one_shot=True)
    try:
        try:
            return function(*args, **kwds)
        except Timeout as ex:
            if ex is timeout and timeout_value is not _NONE:
                return timeout_value
            raise
    finally:
        timeout.cancel()


# ---- linkables: Event, AsyncResult, semaphores ----


class _AbstractLinkable:
    _obj = -1                    # its trace object (_il.obj), for the timeline

    def __init__(self, hub=None):
        self._links = []
        self._notifier = None
        self._notify_all = True
        self.hub = hub

    def linkcount(self):
        return len(self._links)

    def ready(self):
        raise NotImplementedError

    def rawlink(self, callback):
        if not callable(callback):
            raise TypeError('Expected callable: %r' % (callback,))
        self._links.append(callback)
        self._check_and_notify()

    def unlink(self, callback):
        try:
            self._links.remove(callback)
        except ValueError:
            pass
        if not self._links and self._notifier is not None and self._notifier.pending:
            self._notifier.stop()

    def _capture_hub(self):
        if self.hub is None:
            self.hub = get_hub()
        return self.hub

    def _check_and_notify(self):
        if self.ready() and self._links and not self._notifier:
            self._notifier = self._capture_hub().loop.run_callback(self._notify_links, [])

    def _notify_link_list(self, links):
        # each link in turn (a waiting greenlet's switch runs it until it
        # blocks again); a semaphore stops when it is no longer ready
        if not links:
            return
        only_while_ready = not self._notify_all
        final = links[-1]
        done = set()
        while links:
            if only_while_ready and not self.ready():
                break
            link = links.pop(0)
            if id(link) not in done:
                done.add(id(link))
                try:
                    link(self)
                except BaseException as e:  # noqa
                    self._capture_hub().handle_error((link, self), type(e), e, None)
            if link is final:
                break

    def _notify_links(self, arrived_while_waiting):
        notifier = self._notifier
        if notifier is None:
            self._check_and_notify()
            return
        try:
            self._notify_link_list(self._links)
            if arrived_while_waiting:
                self._notify_link_list(arrived_while_waiting)
                self._links.extend(arrived_while_waiting)
        finally:
            self._notifier = None
        self._check_and_notify()

    def _quiet_unlink_all(self, obj):
        if obj is None:
            return
        self.unlink(obj)
        if self._notifier is not None and self._notifier.args:
            try:
                self._notifier.args[0].remove(obj)
            except ValueError:
                pass

    def _wait_to_be_notified(self, rawlink):
        resume = getcurrent().switch
        if rawlink:
            self.rawlink(resume)
        else:
            self._notifier.args[0].append(resume)
        try:
            result = _switch_to_hub("blocked", "HUB_WAIT", self._obj)
            if result is not self:
                raise InvalidSwitchError('Invalid switch into %s.wait(): %r' % (type(self).__name__, result))
            resume = None
        finally:
            self._quiet_unlink_all(resume)

    def _wait_core(self, timeout, catch=Timeout):
        timer = Timeout._start_new_or_dummy(timeout)
        try:
            try:
                self._wait_to_be_notified(True)
                return True
            except catch as ex:
                if ex is not timer:
                    raise
                return False
        finally:
            timer.cancel()

    def _wait_return_value(self, waited, wait_success):
        return None

    def _wait(self, timeout=None):
        self._capture_hub()
        if self.ready():
            result = self._wait_return_value(False, False)
            if self._notifier:
                self._wait_to_be_notified(False)
            return result
        gotit = self._wait_core(timeout)
        return self._wait_return_value(True, gotit)


class Event(_AbstractLinkable):
    __module__ = 'gevent.event'

    def __init__(self):
        _AbstractLinkable.__init__(self)
        self._flag = False
        self._obj = _il.obj("event")

    def __str__(self):
        return '<%s %s _links[%s]>' % (type(self).__name__, 'set' if self._flag else 'clear', self.linkcount())

    def is_set(self):
        return self._flag

    isSet = is_set

    def ready(self):
        return self._flag

    def set(self):
        self._flag = True
        self._check_and_notify()

    def clear(self):
        self._flag = False

    def _wait_return_value(self, waited, wait_success):
        if not waited:
            return self._flag
        return wait_success

    def wait(self, timeout=None):
        return self._wait(timeout)


class AsyncResult(_AbstractLinkable):
    __module__ = 'gevent.event'

    def __init__(self):
        _AbstractLinkable.__init__(self)
        self._value = _NONE
        self._exc_info = ()
        self._obj = _il.obj("future")

    @property
    def value(self):
        return self._value if self._value is not _NONE else None

    @property
    def exc_info(self):
        return self._exc_info

    def __str__(self):
        result = '<%s ' % (type(self).__name__,)
        if self.value is not None or self._exc_info:
            result += 'value=%r ' % self.value
        if self._exc_info:
            result += 'exception=%r ' % self._exc_info[1]
        else:
            result += 'unset '
        return result + ' _links[%s]>' % self.linkcount()

    def ready(self):
        return bool(self._exc_info) or self._value is not _NONE

    def successful(self):
        return self._value is not _NONE

    @property
    def exception(self):
        if self._exc_info:
            return self._exc_info[1]
        return None

    def set(self, value=None):
        self._value = value
        self._check_and_notify()

    def set_exception(self, exception, exc_info=None):
        if exc_info:
            self._exc_info = (exc_info[0], exc_info[1], None)
        else:
            self._exc_info = (type(exception), exception, None)
        self._check_and_notify()

    def _raise_exception(self):
        raise self._exc_info[1]

    def get(self, block=True, timeout=None):
        if self._value is not _NONE:
            return self._value
        if self._exc_info:
            return self._raise_exception()
        if not block:
            raise Timeout()
        self._capture_hub()
        self._wait_core(timeout, ())
        return self.get(block=False)

    def get_nowait(self):
        return self.get(block=False)

    def _wait_return_value(self, waited, wait_success):
        return self.value

    def wait(self, timeout=None):
        return self._wait(timeout)

    def __call__(self, source):
        if source.successful():
            self.set(source.value)
        else:
            self.set_exception(source.exception, getattr(source, 'exc_info', None))

    def result(self, timeout=None):
        return self.get(timeout=timeout)

    set_result = set

    def done(self):
        return self.ready()

    def cancel(self):
        return False

    def cancelled(self):
        return False


class Semaphore(_AbstractLinkable):
    __module__ = 'gevent.lock'

    def __init__(self, value=1, hub=None):
        if value < 0:
            raise ValueError("semaphore initial value must be >= 0")
        _AbstractLinkable.__init__(self, hub)
        self.counter = value
        self._notify_all = False
        self._obj = _il.obj("semaphore")

    def __str__(self):
        return '<%s at 0x%x counter=%s _links[%s]>' % (type(self).__name__, id(self), self.counter, self.linkcount())

    def locked(self):
        return self.counter <= 0

    def release(self):
        self.counter += 1
        self._check_and_notify()
        return self.counter

    def ready(self):
        return self.counter > 0

    def _wait_return_value(self, waited, wait_success):
        if waited:
            return wait_success
        return True

    def wait(self, timeout=None):
        if self.counter > 0:
            return self.counter
        self._wait(timeout)
        return self.counter

    def acquire(self, blocking=True, timeout=None):
        if self.counter > 0:
            self.counter -= 1
            return True
        if not blocking:
            return False
        self._capture_hub()
        try:
            success = self._wait(timeout)
        except LoopExit:
            if not self.counter:
                raise
            success = True
        if not success:
            return False
        self.counter -= 1
        return True

    def __enter__(self):
        self.acquire()

    def __exit__(self, t, v, tb):
        self.release()


class BoundedSemaphore(Semaphore):
    __module__ = 'gevent.lock'
    _OVER_RELEASE_ERROR = ValueError

    def __init__(self, *args, **kwargs):
        Semaphore.__init__(self, *args, **kwargs)
        self._initial_value = self.counter

    def release(self):
        if self.counter >= self._initial_value:
            raise self._OVER_RELEASE_ERROR("Semaphore released too many times")
        return Semaphore.release(self)


class DummySemaphore:
    __module__ = 'gevent.lock'

    def __init__(self, value=None):
        pass

    def __str__(self):
        return '<%s>' % type(self).__name__

    def locked(self):
        return False

    def ready(self):
        return True

    def release(self):
        pass

    def rawlink(self, callback):
        pass

    def unlink(self, callback):
        pass

    def wait(self, timeout=None):
        return 1

    def acquire(self, blocking=True, timeout=None):
        return True

    def __enter__(self):
        pass

    def __exit__(self, typ, val, tb):
        pass


class RLock:
    __module__ = 'gevent.lock'

    def __init__(self, hub=None):
        self._block = Semaphore(1, hub)
        self._owner = None
        self._count = 0

    def __repr__(self):
        return "<%s at 0x%x _block=%s _count=%r _owner=%r)>" % (type(self).__name__, id(self), self._block, self._count, self._owner)

    def locked(self):
        return self._block.locked()

    def acquire(self, blocking=True, timeout=None):
        me = getcurrent()
        if self._owner is me:
            self._count += 1
            return 1
        rc = self._block.acquire(blocking, timeout)
        if rc:
            self._owner = me
            self._count = 1
        return rc

    def __enter__(self):
        return self.acquire()

    def release(self):
        if self._owner is not getcurrent():
            raise RuntimeError("cannot release un-acquired lock. Owner: %r Current: %r" % (self._owner, getcurrent()))
        self._count -= 1
        if not self._count:
            self._owner = None
            self._block.release()

    def __exit__(self, typ, value, tb):
        self.release()

    def _is_owned(self):
        return self._owner is getcurrent()


# ---- Greenlet ----


class _DummyEvent:
    def __init__(self):
        self.pending = False
        self.active = False

    def stop(self):
        pass

    def close(self):
        pass


_cancelled_start_event = _DummyEvent()
_start_completed_event = _DummyEvent()


class _SpawnedLink:
    # link(callback): the callback runs in a new greenlet of its own
    def __init__(self, callback):
        if not callable(callback):
            raise TypeError('Expected callable: %r' % (callback,))
        self.callback = callback

    def __call__(self, source):
        g = _greenlet(self.callback, get_hub())
        g.switch(source)

    def __hash__(self):
        return hash(self.callback)

    def __eq__(self, other):
        return self.callback == getattr(other, 'callback', other)

    def __repr__(self):
        return repr(self.callback)


class _SuccessSpawnedLink(_SpawnedLink):
    def __call__(self, source):
        if source.successful():
            return _SpawnedLink.__call__(self, source)


class _FailureSpawnedLink(_SpawnedLink):
    def __call__(self, source):
        if not source.successful():
            return _SpawnedLink.__call__(self, source)


class Greenlet(_greenlet):
    __module__ = 'gevent'
    _row = None

    def __init__(self, run=None, *args, **kwargs):
        _greenlet.__init__(self, None, get_hub())
        if run is not None:
            self._run = run
        if not callable(self._run):
            raise TypeError("The run argument or self._run must be callable")
        self.args = args
        self.kwargs = kwargs
        self.value = None
        self._start_event = None
        self._notifier = None
        self._formatted_info = None
        self._links = []
        self._ident = None
        self._exc_info = None
        self._name = None
        self.spawning_greenlet = None
        self.spawn_tree_locals = None
        self.spawning_stack = None

    @property
    def minimal_ident(self):
        if self._ident is None:
            self._ident = self.parent.ident_registry.get_ident(self)
        return self._ident

    @property
    def name(self):
        if self._name is None:
            return 'Greenlet-%d' % (self.minimal_ident,)
        return self._name

    @name.setter
    def name(self, value):
        self._name = value

    @property
    def loop(self):
        return self.parent.loop

    def __bool__(self):
        return self._start_event is not None and self._exc_info is None

    @property
    def dead(self):
        return self._start_cancelled_by_kill() or self._started_but_aborted() or _greenlet.dead.fget(self)

    def _never_started_or_killed(self):
        return self._start_event is None

    def _start_pending(self):
        return self._start_event is not None and (self._start_event.pending or getattr(self._start_event, 'active', False))

    def _start_cancelled_by_kill(self):
        return self._start_event is _cancelled_start_event

    def _start_completed(self):
        return self._start_event is _start_completed_event

    def _started_but_aborted(self):
        return (not self._never_started_or_killed() and not self._start_cancelled_by_kill()
                and not self._start_completed() and not self._start_pending())

    def _cancel_start(self):
        if self._start_event is None:
            self._start_event = _cancelled_start_event
        self._start_event.stop()
        self._start_event.close()

    def _handle_death_before_start(self, args):
        if self._exc_info is None and self.dead:
            if len(args) == 1:
                arg = args[0]
                if isinstance(arg, type) and issubclass(arg, BaseException):
                    args = (arg, arg(), None)
                else:
                    args = (type(arg), arg, None)
            elif not args:
                args = (GreenletExit, GreenletExit(), None)
            self._report_error(args)
            if self._row is not None:
                _il.park(self._row, "done", "DONE")

    @property
    def started(self):
        return bool(self)

    def ready(self):
        return self.dead or self._exc_info is not None

    def successful(self):
        return self._exc_info is not None and self._exc_info[1] is None

    def __repr__(self):
        if self._name is None and self._ident is None:
            name = ' '
        else:
            name = ' "%s" ' % (self.name,)
        result = '<%s%sat %s' % (type(self).__name__, name, hex(id(self)))
        formatted = self._formatinfo()
        if formatted:
            result += ': ' + formatted
        return result + '>'

    def _formatinfo(self):
        info = self._formatted_info
        if info is not None:
            return info
        func = getattr(self, '_run', None)
        im_self = getattr(func, '__self__', None)
        if im_self is self:
            funcname = '_run'
        elif im_self is not None:
            funcname = repr(func)
        else:
            funcname = getattr(func, '__name__', '') or repr(func)
        result = funcname
        args = []
        if self.args:
            args = [repr(x)[:50] for x in self.args]
        if self.kwargs:
            args.extend(['%s=%s' % (key, repr(value)[:50]) for key, value in self.kwargs.items()])
        if args:
            result += '(' + ', '.join(args) + ')'
        self._formatted_info = result
        return result

    @property
    def exception(self):
        return self._exc_info[1] if self._exc_info is not None else None

    @property
    def exc_info(self):
        ei = self._exc_info
        if ei is not None and ei[0] is not None:
            return ei
        return None

    def throw(self, *args):
        self._cancel_start()
        try:
            if not self.dead:
                _greenlet.throw(self, *args)
        finally:
            self._handle_death_before_start(args)

    def _new_row(self, state, reason):
        info = self._formatinfo()
        self._row = _il.row(info if len(info) <= 30 else info[:27] + "...", "HUB_READY")
        _il.park(self._row, state, reason)

    def start(self):
        if self._start_event is None:
            self._new_row("ready", "HUB_READY")
            self._start_event = self.parent.loop.run_callback(self.switch)

    def start_later(self, seconds):
        if self._start_event is None:
            self._new_row("sleeping", "HUB_TIMER")
            self._start_event = self.parent.loop.timer(seconds)
            self._start_event._il_who = self
            self._start_event._il_what = ("spawn_later", seconds)
            self._start_event.start(self.switch)

    @classmethod
    def spawn(cls, *args, **kwargs):
        g = cls(*args, **kwargs)
        g.start()
        return g

    @classmethod
    def spawn_later(cls, seconds, *args, **kwargs):
        if cls is Greenlet and not args and 'run' not in kwargs:
            raise TypeError("")
        g = cls(*args, **kwargs)
        g.start_later(seconds)
        return g

    def _maybe_kill_before_start(self, exception):
        self._cancel_start()
        self._free()
        dead = self.dead
        if dead:
            if isinstance(exception, tuple) and len(exception) == 3:
                args = exception
            else:
                args = (exception,)
            self._handle_death_before_start(args)
        return dead

    def kill(self, exception=GreenletExit, block=True, timeout=None):
        if not self._maybe_kill_before_start(exception):
            if self.ready():
                return
            waiter = Waiter() if block else None
            self.parent.loop.run_callback(_kill, self, exception, waiter)
            if waiter is not None:
                waiter.get(("blocked", "HUB_JOIN"))
                self.join(timeout)

    def get(self, block=True, timeout=None):
        if self.ready():
            if self.successful():
                return self.value
            self._raise_exception()
        if not block:
            raise Timeout()
        switch = getcurrent().switch
        self.rawlink(switch)
        try:
            t = Timeout._start_new_or_dummy(timeout)
            try:
                result = _switch_to_hub("blocked", "HUB_JOIN")
                if result is not self:
                    raise InvalidSwitchError('Invalid switch into Greenlet.get(): %r' % (result,))
            finally:
                t.cancel()
        except BaseException:
            self.unlink(switch)
            raise
        if self.ready():
            if self.successful():
                return self.value
            self._raise_exception()

    def _raise_exception(self):
        raise self._exc_info[1]

    def join(self, timeout=None):
        if self.ready():
            return
        switch = getcurrent().switch
        self.rawlink(switch)
        try:
            t = Timeout._start_new_or_dummy(timeout)
            try:
                result = _switch_to_hub("blocked", "HUB_JOIN")
                if result is not self:
                    raise InvalidSwitchError('Invalid switch into Greenlet.join(): %r' % (result,))
            finally:
                t.cancel()
        except Timeout as ex:
            self.unlink(switch)
            if ex is not t:
                raise
        except BaseException:
            self.unlink(switch)
            raise

    def __enter__(self):
        return self

    def __exit__(self, t, v, tb):
        if t is None:
            try:
                self.join()
            finally:
                self.kill()
        else:
            self.kill((t, v, tb))

    def _report_result(self, result):
        self._exc_info = (None, None, None)
        self.value = result
        if self._links and not self._notifier:
            self._notifier = self.parent.loop.run_callback(self._notify_links)

    def _report_error(self, exc_info):
        if isinstance(exc_info[1], GreenletExit):
            self._report_result(exc_info[1])
            return
        self._exc_info = exc_info
        hub = self.parent
        if self._links and not self._notifier:
            self._notifier = hub.loop.run_callback(self._notify_links)
        hub.handle_error(self, exc_info[0], exc_info[1], exc_info[2])

    def run(self):
        try:
            self._cancel_start()
            self._start_event = _start_completed_event
            try:
                result = self._run(*self.args, **self.kwargs)
            except BaseException as e:  # noqa
                self._report_error((type(e), e, None))
            else:
                self._report_result(result)
        finally:
            self._free()

    def _free(self):
        try:
            del self._run
        except AttributeError:
            pass
        self.args = ()
        self.kwargs = {}

    def _run(self):
        return None

    def has_links(self):
        return len(self._links)

    def rawlink(self, callback):
        if not callable(callback):
            raise TypeError('Expected callable: %r' % (callback,))
        self._links.append(callback)
        if self.ready() and self._links and not self._notifier:
            self._notifier = self.parent.loop.run_callback(self._notify_links)

    def link(self, callback, SpawnedLink=_SpawnedLink):
        self.rawlink(SpawnedLink(callback))

    def unlink(self, callback):
        try:
            self._links.remove(callback)
        except ValueError:
            pass

    def unlink_all(self):
        del self._links[:]

    def link_value(self, callback, SpawnedLink=_SuccessSpawnedLink):
        self.link(callback, SpawnedLink=SpawnedLink)

    def link_exception(self, callback, SpawnedLink=_FailureSpawnedLink):
        self.link(callback, SpawnedLink=SpawnedLink)

    def _notify_links(self):
        while self._links:
            link = self._links.pop(0)
            try:
                link(self)
            except BaseException as e:  # noqa
                self.parent.handle_error((link, self), type(e), e, None)


def _kill(glet, exception, waiter):
    try:
        if isinstance(exception, tuple) and len(exception) == 3:
            glet.throw(exception[1] if exception[1] is not None else exception[0])
        else:
            glet.throw(exception)
    except BaseException as e:  # noqa
        glet.parent.handle_error(glet, type(e), e, None)
    if waiter is not None:
        waiter.switch(None)


spawn = Greenlet.spawn
spawn_later = Greenlet.spawn_later


class _WaitIterator:
    def __init__(self, objects, hub, timeout, count):
        self._hub = hub
        self._waiter = _MultipleWaiter(hub)
        self._switch = self._waiter.switch
        self._timeout = timeout
        self._objects = objects
        self._timer = None
        self._begun = False
        self._count = len(objects) if count is None else min(count, len(objects))

    def _begin(self):
        if self._begun:
            return
        self._begun = True
        for obj in self._objects:
            obj.rawlink(self._switch)
        if self._timeout is not None:
            self._timer = self._hub.loop.timer(self._timeout)
            self._timer.start(self._switch, self)

    def __iter__(self):
        return self

    def __next__(self):
        self._begin()
        if self._count == 0:
            self._cleanup()
            raise StopIteration()
        self._count -= 1
        try:
            item = self._waiter.get()
            self._waiter.clear()
            if item is self:
                self._cleanup()
                raise StopIteration()
            return item
        except BaseException:
            self._cleanup()
            raise

    def _cleanup(self):
        if self._timer is not None:
            self._timer.close()
            self._timer = None
        objs = self._objects
        self._objects = ()
        for obj in objs:
            unlink = getattr(obj, 'unlink', None)
            if unlink is not None:
                unlink(self._switch)

    def __enter__(self):
        return self

    def __exit__(self, typ, value, tb):
        self._cleanup()


def iwait(objects, timeout=None, count=None):
    hub = get_hub()
    if objects is None:
        return [hub.join(timeout=timeout)]
    return _WaitIterator(list(objects), hub, timeout, count)


def wait(objects=None, timeout=None, count=None):
    if objects is None:
        return get_hub().join(timeout=timeout)
    return list(iwait(objects, timeout, count))


def joinall(greenlets, timeout=None, raise_error=False, count=None):
    if not raise_error:
        return wait(greenlets, timeout=timeout, count=count)
    done = []
    for obj in iwait(greenlets, timeout=timeout, count=count):
        if getattr(obj, 'exception', None) is not None:
            if hasattr(obj, '_raise_exception'):
                obj._raise_exception()
            else:
                raise obj.exception
        done.append(obj)
    return done


def _killall3(greenlets, exception, waiter):
    diehards = []
    for g in greenlets:
        if not g.dead:
            try:
                g.throw(exception)
            except BaseException as e:  # noqa
                g.parent.handle_error(g, type(e), e, None)
            if not g.dead:
                diehards.append(g)
    waiter.switch(diehards)


def _killall(greenlets, exception):
    for g in greenlets:
        if not g.dead:
            try:
                g.throw(exception)
            except BaseException as e:  # noqa
                g.parent.handle_error(g, type(e), e, None)


def killall(greenlets, exception=GreenletExit, block=True, timeout=None):
    need_killed = []
    glet = None
    for glet in greenlets:
        cancel = getattr(glet, '_maybe_kill_before_start', None)
        if cancel is None or not cancel(exception):
            need_killed.append(glet)
    if not need_killed:
        return
    loop = get_hub().loop
    if block:
        waiter = Waiter()
        loop.run_callback(_killall3, need_killed, exception, waiter)
        t = Timeout._start_new_or_dummy(timeout)
        try:
            alive = waiter.get(("blocked", "HUB_JOIN"))
            if alive:
                joinall(alive, raise_error=False)
        finally:
            t.cancel()
    else:
        loop.run_callback(_killall, need_killed, exception)


# ---- queues ----


class Queue:
    __module__ = 'gevent.queue'

    def __init__(self, maxsize=None, items=(), _warn_depth=2):
        if maxsize is not None and maxsize <= 0:
            maxsize = None
        self._maxsize = maxsize if maxsize is not None else -1
        self.getters = []
        self.putters = []
        self.hub = get_hub()
        self._event_unlock = None
        self.queue = self._create_queue(items)
        self._obj = _il.obj("queue")
        self.hub._il_watch(self)

    @property
    def maxsize(self):
        return self._maxsize if self._maxsize > 0 else None

    @maxsize.setter
    def maxsize(self, nv):
        self._maxsize = -1 if nv is None or nv <= 0 else nv

    def copy(self):
        return type(self)(self.maxsize, self.queue)

    def _create_queue(self, items=()):
        return list(items)

    def _get(self):
        return self.queue.pop(0)

    def _peek(self):
        return self.queue[0]

    def _put(self, item):
        self.queue.append(item)

    def __repr__(self):
        return '<%s at %s%s>' % (type(self).__name__, hex(id(self)), self._format())

    def __str__(self):
        return '<%s%s>' % (type(self).__name__, self._format())

    def _format(self):
        result = []
        if self.maxsize is not None:
            result.append('maxsize=%r' % (self.maxsize,))
        if self.queue:
            result.append('queue=%r' % (self.queue,))
        if self.getters:
            result.append('getters[%s]' % len(self.getters))
        if self.putters:
            result.append('putters[%s]' % len(self.putters))
        if result:
            return ' ' + ' '.join(result)
        return ''

    def qsize(self):
        return len(self.queue)

    def __len__(self):
        return self.qsize()

    def __bool__(self):
        return True

    def empty(self):
        return not self.qsize()

    def full(self):
        return self._maxsize > 0 and self.qsize() >= self._maxsize

    def put(self, item, block=True, timeout=None):
        if self._maxsize == -1 or self.qsize() < self._maxsize:
            self._put(item)
            if self.getters:
                self._schedule_unlock()
        elif self.hub is getcurrent():
            while self.getters and self.qsize() and self.qsize() >= self._maxsize:
                getter = self.getters.pop(0)
                getter.switch(getter)
            if self.qsize() < self._maxsize:
                self._put(item)
                return
            raise _stdqueue.Full
        elif block:
            waiter = _ItemWaiter(item, self)
            self.putters.append(waiter)
            timeout = Timeout._start_new_or_dummy(timeout, _stdqueue.Full)
            try:
                if self.getters:
                    self._schedule_unlock()
                result = waiter.get(("blocked", "HUB_WAIT", self._obj))
                if result is not waiter:
                    raise InvalidSwitchError("Invalid switch into Queue.put: %r" % (result,))
            finally:
                timeout.cancel()
                _safe_remove(self.putters, waiter)
        else:
            raise _stdqueue.Full

    def put_nowait(self, item):
        self.put(item, False)

    def _get_or_peek(self, method, block, timeout):
        if self.hub is getcurrent():
            while self.putters:
                self.putters.pop(0).put_and_switch()
                if self.qsize():
                    return method()
            raise _stdqueue.Empty
        if not block:
            raise _stdqueue.Empty
        waiter = Waiter()
        timeout = Timeout._start_new_or_dummy(timeout, _stdqueue.Empty)
        try:
            self.getters.append(waiter)
            if self.putters:
                self._schedule_unlock()
            result = waiter.get(("blocked", "HUB_WAIT", self._obj))
            if result is not waiter:
                raise InvalidSwitchError('Invalid switch into Queue.get: %r' % (result,))
            return method()
        finally:
            timeout.cancel()
            _safe_remove(self.getters, waiter)

    def get(self, block=True, timeout=None):
        if self.qsize():
            if self.putters:
                self._schedule_unlock()
            return self._get()
        return self._get_or_peek(self._get, block, timeout)

    def get_nowait(self):
        return self.get(False)

    def peek(self, block=True, timeout=None):
        if self.qsize():
            return self._peek()
        return self._get_or_peek(self._peek, block, timeout)

    def peek_nowait(self):
        return self.peek(False)

    def _unlock(self):
        while True:
            repeat = False
            if self.putters and (self._maxsize == -1 or self.qsize() < self._maxsize):
                repeat = True
                putter = self.putters.pop(0)
                try:
                    self._put(putter.item)
                except BaseException as e:  # noqa
                    putter.throw(e)
                else:
                    putter.switch(putter)
            if self.getters and self.qsize():
                repeat = True
                getter = self.getters.pop(0)
                getter.switch(getter)
            if not repeat:
                return

    def _schedule_unlock(self):
        if not self._event_unlock:
            self._event_unlock = self.hub.loop.run_callback(self._unlock)

    def __iter__(self):
        return self

    def __next__(self):
        result = self.get()
        if result is StopIteration:
            raise result
        return result


def _safe_remove(items, item):
    try:
        items.remove(item)
    except ValueError:
        pass


class _ItemWaiter(Waiter):
    def __init__(self, item, queue):
        Waiter.__init__(self)
        self.item = item
        self.queue = queue

    def put_and_switch(self):
        self.queue._put(self.item)
        self.queue = None
        self.item = None
        return self.switch(self)


class UnboundQueue(Queue):
    __module__ = 'gevent.queue'

    def __init__(self, maxsize=None, items=()):
        if maxsize is not None:
            raise ValueError("UnboundQueue has no maxsize")
        Queue.__init__(self, maxsize, items)
        self.putters = None

    def put(self, item, block=True, timeout=None):
        self._put(item)
        if self.getters:
            self._schedule_unlock()


class PriorityQueue(Queue):
    __module__ = 'gevent.queue'

    def _create_queue(self, items=()):
        q = []
        for item in items:
            _heappush(q, item)
        return q

    def _put(self, item):
        _heappush(self.queue, item)

    def _get(self):
        return _heappop(self.queue)


class LifoQueue(Queue):
    __module__ = 'gevent.queue'

    def _get(self):
        return self.queue.pop()

    def _peek(self):
        return self.queue[-1]


def _heappush(heap, item):
    heap.append(item)
    pos = len(heap) - 1
    while pos > 0:
        parent = (pos - 1) >> 1
        if not heap[pos] < heap[parent]:
            break
        heap[pos], heap[parent] = heap[parent], heap[pos]
        pos = parent


def _heappop(heap):
    last = heap.pop()
    if not heap:
        return last
    top = heap[0]
    heap[0] = last
    pos, n = 0, len(heap)
    while True:
        child = 2 * pos + 1
        if child >= n:
            break
        if child + 1 < n and heap[child + 1] < heap[child]:
            child += 1
        if not heap[child] < heap[pos]:
            break
        heap[pos], heap[child] = heap[child], heap[pos]
        pos = child
    return top


class JoinableQueue(Queue):
    __module__ = 'gevent.queue'

    def __init__(self, maxsize=None, items=(), unfinished_tasks=None):
        Queue.__init__(self, maxsize, items, _warn_depth=3)
        self._cond = Event()
        self._cond.set()
        if unfinished_tasks:
            self.unfinished_tasks = unfinished_tasks
        elif items:
            self.unfinished_tasks = len(items)
        else:
            self.unfinished_tasks = 0
        if self.unfinished_tasks:
            self._cond.clear()

    def copy(self):
        return type(self)(self.maxsize, self.queue, self.unfinished_tasks)

    def _format(self):
        result = Queue._format(self)
        if self.unfinished_tasks:
            result += ' tasks=%s _cond=%s' % (self.unfinished_tasks, self._cond)
        return result

    def _put(self, item):
        Queue._put(self, item)
        self.unfinished_tasks += 1
        self._cond.clear()

    def task_done(self):
        if self.unfinished_tasks <= 0:
            raise ValueError('task_done() called too many times')
        self.unfinished_tasks -= 1
        if self.unfinished_tasks == 0:
            self._cond.set()

    def join(self, timeout=None):
        return self._cond.wait(timeout=timeout)


# ---- pools ----


class _Failure:
    def __init__(self, exc, raise_exception=None):
        self.exc = exc
        self.raise_exception = raise_exception


def _raise_exc(failure):
    if failure.raise_exception:
        failure.raise_exception()
    else:
        raise failure.exc


class IMapUnordered(Greenlet):
    __module__ = 'gevent._imap'

    def __init__(self, func, iterable, spawn, maxsize=None, _zipped=False):
        Greenlet.__init__(self)
        self.spawn = spawn
        self._zipped = _zipped
        self.func = func
        self.iterable = iterable
        self.queue = UnboundQueue()
        self._result_semaphore = Semaphore(maxsize) if maxsize else None
        self._outstanding_tasks = 0
        self._max_index = -1
        self.finished = False

    def __iter__(self):
        return self

    def __next__(self):
        if self._result_semaphore is not None:
            self._result_semaphore.release()
        value = self._inext()
        if isinstance(value, _Failure):
            _raise_exc(value)
        return value

    def _inext(self):
        return self.queue.get()

    def _ispawn(self, func, item, item_index):
        if self._result_semaphore is not None:
            self._result_semaphore.acquire()
        self._outstanding_tasks += 1
        g = self.spawn(func, item) if not self._zipped else self.spawn(func, *item)
        g._imap_task_index = item_index
        g.rawlink(self._on_result)
        return g

    def _run(self):
        try:
            func = self.func
            for item in self.iterable:
                self._max_index += 1
                self._ispawn(func, item, self._max_index)
            self._on_finish(None)
        except BaseException as e:
            self._on_finish(e)
            raise
        finally:
            self.spawn = None
            self.func = None
            self.iterable = None
            self._result_semaphore = None

    def _on_result(self, greenlet):
        self._outstanding_tasks -= 1
        count = self._outstanding_tasks
        finished = self.finished
        ready = self.ready()
        put_finished = False
        if ready and count <= 0 and not finished:
            finished = self.finished = True
            put_finished = True
        if greenlet.successful():
            self.queue.put(self._iqueue_value_for_success(greenlet))
        else:
            self.queue.put(self._iqueue_value_for_failure(greenlet))
        if put_finished:
            self.queue.put(self._iqueue_value_for_self_finished())

    def _on_finish(self, exception):
        if self.finished:
            return
        if exception is not None:
            self.finished = True
            self.queue.put(self._iqueue_value_for_self_failure(exception))
            return
        if self._outstanding_tasks <= 0:
            self.finished = True
            self.queue.put(self._iqueue_value_for_self_finished())

    def _iqueue_value_for_success(self, greenlet):
        return greenlet.value

    def _iqueue_value_for_failure(self, greenlet):
        return _Failure(greenlet.exception, getattr(greenlet, '_raise_exception'))

    def _iqueue_value_for_self_finished(self):
        return _Failure(StopIteration())

    def _iqueue_value_for_self_failure(self, exception):
        return _Failure(exception, self._raise_exception)


class IMap(IMapUnordered):
    __module__ = 'gevent._imap'

    def __init__(self, *args, **kwargs):
        self._results = {}
        self.index = 0
        IMapUnordered.__init__(self, *args, **kwargs)

    def _inext(self):
        try:
            value = self._results.pop(self.index)
        except KeyError:
            while True:
                index, value = self.queue.get()
                if index == self.index:
                    break
                self._results[index] = value
        self.index += 1
        return value

    def _iqueue_value_for_success(self, greenlet):
        return (greenlet._imap_task_index, IMapUnordered._iqueue_value_for_success(self, greenlet))

    def _iqueue_value_for_failure(self, greenlet):
        return (greenlet._imap_task_index, IMapUnordered._iqueue_value_for_failure(self, greenlet))

    def _iqueue_value_for_self_finished(self):
        return (self._max_index + 1, IMapUnordered._iqueue_value_for_self_finished(self))

    def _iqueue_value_for_self_failure(self, exception):
        return (self._max_index + 1, IMapUnordered._iqueue_value_for_self_failure(self, exception))


class _PassValue:
    def __init__(self, callback):
        self.callback = callback

    def __call__(self, source):
        if source.successful():
            self.callback(source.value)

    def __hash__(self):
        return hash(self.callback)

    def __eq__(self, other):
        return self.callback == getattr(other, 'callback', other)


class Group:
    __module__ = 'gevent.pool'
    greenlet_class = Greenlet

    def __init__(self, *args):
        if len(args) > 1:
            raise TypeError("Group() takes at most one argument")
        self.greenlets = set(*args)
        if args:
            for g in args[0]:
                g.rawlink(self._discard)
        self.dying = set()
        self._empty_event = Event()
        self._empty_event.set()

    def __repr__(self):
        return '<%s at 0x%x %s>' % (type(self).__name__, id(self), self.greenlets)

    def __len__(self):
        return len(self.greenlets)

    def __contains__(self, item):
        return item in self.greenlets

    def __iter__(self):
        return iter(self.greenlets)

    def add(self, greenlet):
        rawlink = getattr(greenlet, 'rawlink', None)
        if rawlink is not None:
            rawlink(self._discard)
        self.greenlets.add(greenlet)
        self._empty_event.clear()

    def _discard(self, greenlet):
        self.greenlets.discard(greenlet)
        self.dying.discard(greenlet)
        if not self.greenlets:
            self._empty_event.set()

    def discard(self, greenlet):
        self._discard(greenlet)
        unlink = getattr(greenlet, 'unlink', None)
        if unlink is not None:
            unlink(self._discard)

    def start(self, greenlet):
        self.add(greenlet)
        greenlet.start()

    def spawn(self, *args, **kwargs):
        greenlet = self.greenlet_class(*args, **kwargs)
        self.start(greenlet)
        return greenlet

    def join(self, timeout=None, raise_error=False):
        greenlets = list(self.greenlets) if raise_error else ()
        result = self._empty_event.wait(timeout=timeout)
        for greenlet in greenlets:
            if greenlet.exception is not None:
                if hasattr(greenlet, '_raise_exception'):
                    greenlet._raise_exception()
                raise greenlet.exception
        return result

    def kill(self, exception=GreenletExit, block=True, timeout=None):
        timer = Timeout._start_new_or_dummy(timeout)
        try:
            while self.greenlets:
                for greenlet in list(self.greenlets):
                    if greenlet in self.dying:
                        continue
                    k = getattr(greenlet, 'kill', None)
                    if k is None:
                        _kill(greenlet, exception, None)
                    else:
                        k(exception, block=False)
                    self.dying.add(greenlet)
                if not block:
                    break
                joinall(self.greenlets)
        except Timeout as ex:
            if ex is not timer:
                raise
        finally:
            timer.cancel()

    def killone(self, greenlet, exception=GreenletExit, block=True, timeout=None):
        if greenlet not in self.dying and greenlet in self.greenlets:
            greenlet.kill(exception, block=False)
            self.dying.add(greenlet)
            if block:
                greenlet.join(timeout)

    def full(self):
        return False

    def wait_available(self, timeout=None):
        pass

    def _apply_immediately(self):
        return getcurrent() in self

    def _apply_async_cb_spawn(self, callback, result):
        Greenlet.spawn(callback, result)

    def _apply_async_use_greenlet(self):
        return self.full()

    def apply_cb(self, func, args=None, kwds=None, callback=None):
        result = self.apply(func, args, kwds)
        if callback is not None:
            self._apply_async_cb_spawn(callback, result)
        return result

    def apply_async(self, func, args=None, kwds=None, callback=None):
        if args is None:
            args = ()
        if kwds is None:
            kwds = {}
        if self._apply_async_use_greenlet():
            return Greenlet.spawn(self.apply_cb, func, args, kwds, callback)
        greenlet = self.spawn(func, *args, **kwds)
        if callback is not None:
            greenlet.link(_PassValue(callback))
        return greenlet

    def apply(self, func, args=None, kwds=None):
        if args is None:
            args = ()
        if kwds is None:
            kwds = {}
        if self._apply_immediately():
            return func(*args, **kwds)
        return self.spawn(func, *args, **kwds).get()

    def _map(self, func, iterable):
        return [g.get() for g in [self.spawn(func, i) for i in iterable]]

    def map(self, func, iterable):
        return Greenlet.spawn(self._map, func, iterable).get()

    def map_cb(self, func, iterable, callback=None):
        result = self.map(func, iterable)
        if callback is not None:
            callback(result)
        return result

    def map_async(self, func, iterable, callback=None):
        return Greenlet.spawn(self.map_cb, func, iterable, callback)

    def _imap(self, cls, func, *iterables, **kwargs):
        maxsize = kwargs.pop('maxsize', None)
        if kwargs:
            raise TypeError('Unsupported keyword arguments')
        return cls.spawn(func, zip(*iterables), spawn=self.spawn, _zipped=True, maxsize=maxsize)

    def imap(self, func, *iterables, **kwargs):
        return self._imap(IMap, func, *iterables, **kwargs)

    def imap_unordered(self, func, *iterables, **kwargs):
        return self._imap(IMapUnordered, func, *iterables, **kwargs)


class PoolFull(_stdqueue.Full):
    __module__ = 'gevent.pool'


class Pool(Group):
    __module__ = 'gevent.pool'

    def __init__(self, size=None, greenlet_class=None):
        if size is not None and size < 0:
            raise ValueError('size must not be negative: %r' % (size,))
        Group.__init__(self)
        self.size = size
        if greenlet_class is not None:
            self.greenlet_class = greenlet_class
        self._semaphore = DummySemaphore(size) if size is None else Semaphore(size)

    def wait_available(self, timeout=None):
        return self._semaphore.wait(timeout=timeout)

    def full(self):
        return self.free_count() <= 0

    def free_count(self):
        if self.size is None:
            return 1
        return max(0, self.size - len(self))

    def start(self, greenlet, *args, **kwargs):
        self.add(greenlet, *args, **kwargs)
        greenlet.start()

    def add(self, greenlet, blocking=True, timeout=None):
        if not self._semaphore.acquire(blocking=blocking, timeout=timeout):
            raise PoolFull()
        try:
            Group.add(self, greenlet)
        except BaseException:
            self._semaphore.release()
            raise

    def _discard(self, greenlet):
        Group._discard(self, greenlet)
        self._semaphore.release()


# ---- monkey patching: threading, time and queue made cooperative ----

_patched = {}          # module name -> {attribute: original}
_thread_counter = [0]
_gthreads = {}         # id(greenlet) -> the Thread it runs


def _current_thread():
    t = _gthreads.get(id(getcurrent()))
    if t is not None:
        return t
    return _patched['threading']['current_thread']()


def _get_ident():
    return id(getcurrent())


class _LockType(BoundedSemaphore):
    # threading.Lock under patch_all(): a one-slot semaphore
    __module__ = 'gevent.thread'
    _OVER_RELEASE_ERROR = RuntimeError

    def __init__(self):
        BoundedSemaphore.__init__(self, 1)

    def acquire(self, blocking=True, timeout=-1):
        if timeout == -1:
            timeout = None
        if not blocking and timeout is not None:
            raise ValueError("can't specify a timeout for a non-blocking call")
        if timeout is not None and timeout < 0:
            raise ValueError("timeout value must be positive")
        return BoundedSemaphore.acquire(self, blocking, timeout)

    def release(self):
        if self.counter >= self._initial_value:
            raise RuntimeError("release unlocked lock")
        return Semaphore.release(self)

    def __enter__(self):
        return self.acquire()

    def __exit__(self, t, v, tb):
        self.release()


class _Condition:
    # threading.Condition over the patched locks
    def __init__(self, lock=None):
        self._lock = RLock() if lock is None else lock
        self._waiters = []
        self.acquire = self._lock.acquire
        self.release = self._lock.release

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)

    def wait(self, timeout=None):
        waiter = Semaphore(0)
        self._waiters.append(waiter)
        saved = self._release_save()
        try:
            return waiter.acquire(True, timeout)
        finally:
            self._acquire_restore(saved)
            _safe_remove(self._waiters, waiter)

    def _release_save(self):
        lock = self._lock
        if isinstance(lock, RLock):
            count = lock._count
            lock._count = 1
            lock.release()
            return count
        lock.release()
        return None

    def _acquire_restore(self, saved):
        self._lock.acquire()
        if saved is not None:
            self._lock._count = saved

    def wait_for(self, predicate, timeout=None):
        end = None
        result = predicate()
        while not result:
            if timeout is not None:
                if end is None:
                    end = _time.monotonic() + timeout
                left = end - _time.monotonic()
                if left <= 0:
                    break
                self.wait(left)
            else:
                self.wait()
            result = predicate()
        return result

    def notify(self, n=1):
        for w in self._waiters[:n]:
            self._waiters.remove(w)
            w.release()

    def notify_all(self):
        self.notify(len(self._waiters))

    notifyAll = notify_all


class _ThreadEvent:
    # threading.Event over the patched locks (wait returns the flag)
    def __init__(self):
        self._event = Event()

    def is_set(self):
        return self._event.is_set()

    isSet = is_set

    def set(self):
        self._event.set()

    def clear(self):
        self._event.clear()

    def wait(self, timeout=None):
        self._event.wait(timeout)
        return self._event.is_set()


class _Thread:
    # threading.Thread under patch_all(): a Greenlet.  start() waits until
    # the new greenlet has run to its first switch, as gevent's does
    # (threading's own start() waits on an Event the new thread sets).
    def __init__(self, group=None, target=None, name=None, args=(), kwargs=None, *, daemon=None):
        _thread_counter[0] += 1
        if name is None:
            name = "Thread-%d" % _thread_counter[0]
            if target is not None:
                tname = getattr(target, '__name__', None)
                if tname:
                    name += " (%s)" % tname
        self._name = str(name)
        self._target = target
        self._args = args
        self._kwargs = {} if kwargs is None else kwargs
        self._daemonic = bool(daemon) if daemon is not None else _current_thread().daemon
        self._started = Event()
        self._greenlet = None
        self._ident = None
        self._is_stopped = False

    def __repr__(self):
        status = "initial"
        if self._started.is_set():
            status = "started"
        if self._is_stopped:
            status = "stopped"
        if self._daemonic:
            status += " daemon"
        if self._ident is not None:
            status += " %s" % self._ident
        return "<%s(%s, %s)>" % (type(self).__name__, self._name, status)

    def start(self):
        if self._started.is_set() or self._greenlet is not None:
            raise RuntimeError("threads can only be started once")
        g = Greenlet(self._bootstrap)
        self._greenlet = g
        g._formatted_info = self._name
        g.start()
        self._started.wait()

    def _bootstrap(self):
        g = getcurrent()
        self._ident = id(g)
        _gthreads[id(g)] = self
        self._started.set()
        try:
            self.run()
        except SystemExit:
            pass
        except BaseException as e:  # noqa
            _sys.stderr.write("Exception in thread %s:\n" % self._name)
            _sys.stderr.write(_il.format_exception(e))
        finally:
            self._is_stopped = True
            del _gthreads[id(g)]

    def run(self):
        try:
            if self._target is not None:
                self._target(*self._args, **self._kwargs)
        finally:
            del self._target, self._args, self._kwargs

    def join(self, timeout=None):
        if self._greenlet is None:
            raise RuntimeError("cannot join thread before it is started")
        if self._greenlet is getcurrent():
            raise RuntimeError("cannot join current thread")
        self._greenlet.join(timeout)

    def is_alive(self):
        return self._greenlet is not None and not self._is_stopped

    @property
    def name(self):
        return self._name

    @name.setter
    def name(self, value):
        self._name = str(value)

    @property
    def ident(self):
        return self._ident

    @property
    def native_id(self):
        return self._ident

    @property
    def daemon(self):
        return self._daemonic

    @daemon.setter
    def daemon(self, value):
        if self._greenlet is not None:
            raise RuntimeError("cannot set daemon status of active thread")
        self._daemonic = bool(value)

    def isDaemon(self):
        return self._daemonic

    def setDaemon(self, value):
        self.daemon = value

    def getName(self):
        return self._name

    def setName(self, value):
        self.name = value


class _ThreadTimer(_Thread):
    def __init__(self, interval, function, args=None, kwargs=None):
        _Thread.__init__(self)
        self.interval = interval
        self.function = function
        self.args = args if args is not None else []
        self.kwargs = kwargs if kwargs is not None else {}
        self.finished = _ThreadEvent()

    def cancel(self):
        self.finished.set()

    def run(self):
        self.finished.wait(self.interval)
        if not self.finished.is_set():
            self.function(*self.args, **self.kwargs)
        self.finished.set()


class _StdQueue(JoinableQueue):
    # queue.Queue under patch_all(): the stdlib's API on a gevent queue
    def __init__(self, maxsize=0):
        JoinableQueue.__init__(self, maxsize if maxsize > 0 else None)


class _StdLifoQueue(_StdQueue):
    def _get(self):
        return self.queue.pop()

    def _peek(self):
        return self.queue[-1]


class _StdPriorityQueue(_StdQueue):
    def _put(self, item):
        _heappush(self.queue, item)
        self.unfinished_tasks += 1
        self._cond.clear()

    def _get(self):
        return _heappop(self.queue)


class _StdSimpleQueue(Queue):
    def __init__(self):
        Queue.__init__(self)

    def put(self, item, block=True, timeout=None):
        Queue.put(self, item)


def _patch(module, name, items):
    saved = _patched.setdefault(name, {})
    for attr, value in items.items():
        if attr not in saved:
            saved[attr] = getattr(module, attr, None)
        setattr(module, attr, value)


def patch_time():
    _patch(_time, 'time', {'sleep': sleep})


def patch_thread(threading=True, _threading_local=True, Event=True, logging=True, existing_locks=True):
    # the main thread's object, made now from the unpatched Thread class
    _threading.current_thread()
    items = {
        'Thread': _Thread, 'Timer': _ThreadTimer, 'Lock': _LockType, 'RLock': RLock, 'Semaphore': Semaphore,
        'BoundedSemaphore': BoundedSemaphore, 'Condition': _Condition, 'current_thread': _current_thread,
        'get_ident': _get_ident,
    }
    if Event:
        items['Event'] = _ThreadEvent
    _patch(_threading, 'threading', items)
    _patched.setdefault('_thread', {})


def patch_queue():
    _patch(_stdqueue, 'queue', {'Queue': _StdQueue, 'LifoQueue': _StdLifoQueue,
                                'PriorityQueue': _StdPriorityQueue, 'SimpleQueue': _StdSimpleQueue})


def _patch_nothing(name):
    # the simulator has no sockets, files or processes to patch: the
    # module counts as patched, as it would with gevent
    def patch(*args, **kwargs):
        _patched.setdefault(name, {})
    return patch


patch_socket = _patch_nothing('socket')
patch_dns = _patch_nothing('socket')
patch_select = _patch_nothing('select')
patch_ssl = _patch_nothing('ssl')
patch_subprocess = _patch_nothing('subprocess')
patch_os = _patch_nothing('os')
patch_signal = _patch_nothing('signal')
patch_sys = _patch_nothing('sys')
patch_builtins = _patch_nothing('builtins')


def patch_all(socket=True, dns=True, time=True, select=True, thread=True, os=True, ssl=True, subprocess=True,
              sys=False, aggressive=True, Event=True, builtins=True, signal=True, queue=True, contextvars=True,
              **kwargs):
    if os:
        patch_os()
    if thread:
        patch_thread(Event=Event)
    if sys:
        patch_sys()
    if socket:
        patch_socket()
    if select:
        patch_select()
    if time:
        patch_time()
    if ssl:
        patch_ssl()
    if subprocess:
        patch_subprocess()
    if signal:
        patch_signal()
    if queue:
        patch_queue()
    return True


_patchable = {'time': _time, 'threading': _threading, 'queue': _stdqueue}


def is_module_patched(mod_name):
    return mod_name in _patched


def is_object_patched(mod_name, item_name):
    return item_name in _patched.get(mod_name, {})


def get_original(mod_name, item_name):
    if isinstance(item_name, str):
        saved = _patched.get(mod_name, {})
        if item_name in saved:
            return saved[item_name]
        return getattr(_patchable[mod_name], item_name)
    return [get_original(mod_name, i) for i in item_name]


# ---- the submodules: what each one holds ----

_submodules = {
    'exceptions': {
        'LoopExit': LoopExit, 'ConcurrentObjectUseError': ConcurrentObjectUseError,
        'InvalidSwitchError': InvalidSwitchError, 'BlockingSwitchOutError': BlockingSwitchOutError,
        'InvalidThreadUseError': InvalidThreadUseError, 'HubDestroyed': HubDestroyed,
    },
    'hub': {
        'Hub': Hub, 'get_hub': get_hub, 'sleep': sleep, 'idle': idle, 'kill': kill, 'spawn_raw': spawn_raw,
        'LoopExit': LoopExit, 'Waiter': Waiter, 'getcurrent': getcurrent, 'GreenletExit': GreenletExit,
        'greenlet': _greenlet,
    },
    'greenlet': {'Greenlet': Greenlet, 'joinall': joinall, 'killall': killall, 'GreenletExit': GreenletExit},
    'timeout': {'Timeout': Timeout, 'with_timeout': with_timeout},
    'event': {'Event': Event, 'AsyncResult': AsyncResult},
    'lock': {'Semaphore': Semaphore, 'BoundedSemaphore': BoundedSemaphore, 'DummySemaphore': DummySemaphore,
             'RLock': RLock},
    'queue': {
        'Queue': Queue, 'JoinableQueue': JoinableQueue, 'UnboundQueue': UnboundQueue, 'PriorityQueue': PriorityQueue,
        'LifoQueue': LifoQueue, 'SimpleQueue': UnboundQueue, 'Empty': _stdqueue.Empty, 'Full': _stdqueue.Full,
    },
    'pool': {'Pool': Pool, 'Group': Group, 'PoolFull': PoolFull},
    'monkey': {
        'patch_all': patch_all, 'patch_thread': patch_thread, 'patch_time': patch_time, 'patch_queue': patch_queue,
        'patch_socket': patch_socket, 'patch_dns': patch_dns, 'patch_select': patch_select, 'patch_ssl': patch_ssl,
        'patch_subprocess': patch_subprocess, 'patch_os': patch_os, 'patch_signal': patch_signal,
        'patch_sys': patch_sys, 'patch_builtins': patch_builtins, 'is_module_patched': is_module_patched,
        'is_object_patched': is_object_patched, 'get_original': get_original,
    },
}


# what `import gevent` binds, as gevent's own imports do
from gevent import exceptions, greenlet, hub, timeout


def getswitchinterval():
    return _sys.getswitchinterval()


def setswitchinterval(interval):
    _sys.setswitchinterval(interval)


def reinit(hub=None):
    pass
