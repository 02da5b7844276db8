# greenlet, simulated (the API greenlet 2 has).  The stacks and the switch
# itself are the core's (sim/core/green.h); this is the class around them:
# start arguments, the values a switch passes, GreenletExit, parents.
__all__ = []


class error(Exception):
    __module__ = 'greenlet'


class GreenletExit(BaseException):
    __module__ = 'greenlet'


_tracer = None


def settrace(callback):
    # callback(event, (origin, target)) before every switch ("switch") or
    # throw ("throw"), a greenlet's end included; returns the previous one
    global _tracer
    old = _tracer
    _tracer = callback
    return old


def gettrace():
    return _tracer


def _alive_parent(g):
    p = g.parent
    while p is not None and p.dead:
        p = p.parent
    return p


def _bootstrap(self):
    # the first frame of every greenlet's stack: its run(), ending quietly
    # on GreenletExit (its parent receives the exception as a value)
    args, kwargs = self._start or ((), {})
    self._start = None
    try:
        run = self.run
    except AttributeError:
        raise AttributeError("run") from None
    try:
        result = run(*args, **kwargs)
    except GreenletExit as e:
        result = e
    except BaseException:
        if _tracer is not None:
            _tracer("throw", (self, _alive_parent(self)))
        raise
    if _tracer is not None:
        _tracer("switch", (self, _alive_parent(self)))
    return result


def _pack(args, kwargs):
    # what switch(*args, **kwargs) makes the other side's switch() return
    if kwargs:
        return (args, kwargs) if args else kwargs
    if len(args) == 1:
        return args[0]
    return args


def _exception(typ, val):
    if isinstance(typ, BaseException):
        if val is not None:
            raise TypeError("instance exception may not have a separate value")
        return typ
    if isinstance(typ, type) and issubclass(typ, BaseException):
        if isinstance(val, typ):
            return val
        if val is None:
            return typ()
        return typ(*val) if isinstance(val, tuple) else typ(val)
    raise TypeError("exceptions must be classes, or instances, not %s" % type(typ).__name__)


class greenlet:
    __module__ = 'greenlet'

    def __init__(self, run=None, parent=None):
        if run is not None:
            self.run = run
        self._start = None
        if parent is None:
            parent = getcurrent()
        self._raw = _new(self, _bootstrap, parent._raw)

    def switch(self, *args, **kwargs):
        owner, started, dead, parent, main = _info(self._raw)
        if _tracer is not None:
            _tracer("switch", (getcurrent(), self))
        if not started and not dead:
            self._start = (args, kwargs)
            return _switch(self._raw, None, error)
        return _switch(self._raw, _pack(args, kwargs), error)

    def throw(self, typ=GreenletExit, val=None, tb=None):
        exc = _exception(typ, val)
        owner, started, dead, parent, main = _info(self._raw)
        if not started and not dead:
            # never started: it dies at once, as if its run() had raised
            _kill_unstarted(self)
            target = self.parent
            if target is getcurrent():
                if isinstance(exc, GreenletExit):
                    return exc
                raise exc
            if isinstance(exc, GreenletExit):
                return target.switch(exc)
            return target.throw(exc)
        if _tracer is not None:
            _tracer("throw", (getcurrent(), self))
        return _throw(self._raw, exc, error)

    @property
    def dead(self):
        return _info(self._raw)[2]

    @property
    def parent(self):
        p = _info(self._raw)[3]
        return None if p is None else _owner(p)

    @parent.setter
    def parent(self, value):
        if not isinstance(value, greenlet):
            raise TypeError("parent must be a greenlet")
        _set(self._raw, "parent", value._raw)

    @property
    def gr_frame(self):
        return None

    @property
    def gr_context(self):
        return None

    def __bool__(self):
        owner, started, dead, parent, main = _info(self._raw)
        return started and not dead

    def __repr__(self):
        owner, started, dead, parent, main = _info(self._raw)
        cls = type(self)
        state = []
        if getcurrent() is self:
            state.append("current active")
        elif started and not dead:
            state.append("suspended active")
        state.append("dead" if dead else "started" if started else "pending")
        if main:
            state.append("main")
        return "<%s.%s object at 0x%x (otid=0x%x) %s>" % (
            cls.__module__, cls.__qualname__, id(self), id(self._raw), " ".join(state))


def _owner(raw):
    o = _info(raw)[0]
    if o is None:
        # the thread's main greenlet, seen from Python for the first time
        o = greenlet.__new__(greenlet)
        o._start = None
        o._raw = raw
        _set(raw, "owner", o)
    return o


def _kill_unstarted(g):
    # a greenlet that never ran: its bootstrap runs with nothing to do and
    # comes straight back here, so it is dead afterwards
    parent = _info(g._raw)[3]
    g.run = _nothing
    g._start = None
    _set(g._raw, "parent", _current())
    _switch(g._raw, None, error)
    if parent is not None:
        _set(g._raw, "parent", parent)


def _nothing():
    return None


def getcurrent():
    return _owner(_current())
