# Exception groups (PEP 654): builtins in Python 3.11.  The simulator makes
# them on first use: naming BaseExceptionGroup or ExceptionGroup anywhere
# (or `except*`) loads this module into the builtins (sim/lib/modules.c).


def _matcher(condition):
    if isinstance(condition, type) and issubclass(condition, BaseException):
        return lambda e: isinstance(e, condition)
    if isinstance(condition, tuple) and all(isinstance(c, type) and issubclass(c, BaseException) for c in condition):
        return lambda e: isinstance(e, condition)
    if callable(condition) and not isinstance(condition, type):
        return condition
    raise TypeError("expected a function, exception type or tuple of exception types")


class BaseExceptionGroup(BaseException):
    __module__ = 'builtins'

    def __new__(cls, message, exceptions):
        if not isinstance(message, str):
            raise TypeError("argument 1 must be str, not " + type(message).__name__)
        if not isinstance(exceptions, (list, tuple)):
            raise TypeError("second argument (exceptions) must be a sequence")
        exceptions = tuple(exceptions)
        if not exceptions:
            raise ValueError("second argument (exceptions) must be a non-empty sequence")
        for i, e in enumerate(exceptions):
            if not isinstance(e, BaseException):
                raise ValueError(f"Item {i} of second argument (exceptions) is not an exception")
        if cls is BaseExceptionGroup:
            if all(isinstance(e, Exception) for e in exceptions):
                cls = ExceptionGroup
        elif issubclass(cls, Exception):
            for e in exceptions:
                if not isinstance(e, Exception):
                    if cls is ExceptionGroup:
                        raise TypeError("Cannot nest BaseExceptions in an ExceptionGroup")
                    raise TypeError(f"Cannot nest BaseExceptions in '{cls.__name__}'")
        return super().__new__(cls, message, exceptions)

    def __init__(self, message, exceptions):
        super().__init__(message, exceptions)
        self._message = message
        self._exceptions = tuple(exceptions)

    @property
    def message(self):
        return self._message

    @property
    def exceptions(self):
        return self._exceptions

    def derive(self, excs):
        return BaseExceptionGroup(self._message, excs)

    def _derive_like(self, excs):
        g = self.derive(excs)
        g.__cause__ = self.__cause__
        g.__context__ = self.__context__
        g.__traceback__ = self.__traceback__
        return g

    def split(self, condition):
        match = _matcher(condition)
        if match(self):
            return self, None
        yes, no = [], []
        for e in self._exceptions:
            if isinstance(e, BaseExceptionGroup):
                m, r = e.split(condition)
                if m is not None:
                    yes.append(m)
                if r is not None:
                    no.append(r)
            elif match(e):
                yes.append(e)
            else:
                no.append(e)
        if not no:
            return self, None
        if not yes:
            return None, self
        return self._derive_like(yes), self._derive_like(no)

    def subgroup(self, condition):
        return self.split(condition)[0]

    def __str__(self):
        n = len(self._exceptions)
        return f"{self._message} ({n} sub-exception{'s' if n > 1 else ''})"

    def __repr__(self):
        return f"{type(self).__name__}({self._message!r}, {self.args[1]!r})"


class ExceptionGroup(BaseExceptionGroup, Exception):
    __module__ = 'builtins'


# ---- except* (the parser rewrites it into calls of these) ----

class _Star:
    def __init__(self, exc):
        self.orig = exc
        self.naked = not isinstance(exc, BaseExceptionGroup)
        self.rest = BaseExceptionGroup("", (exc,)) if self.naked else exc
        self.matched = False
        self.current = None
        self.raised = []
        self.reraised = []


def __except_star_begin__(exc):
    return _Star(exc)


def _check_star_type(typ):
    types = typ if isinstance(typ, tuple) else (typ,)
    for t in types:
        if not (isinstance(t, type) and issubclass(t, BaseException)):
            raise TypeError("catching classes that do not inherit from BaseException is not allowed")
        if issubclass(t, BaseExceptionGroup):
            raise TypeError("catching ExceptionGroup with except* is not allowed. Use except instead.")


def __except_star_match__(st, typ):
    _check_star_type(typ)
    if st.rest is None:
        return None
    match, st.rest = st.rest.split(typ)
    st.current = match
    if match is not None:
        st.matched = True
    return match


def __except_star_raised__(st, exc):
    if exc is st.current or exc is st.orig:
        st.reraised.append(st.current)  # a bare `raise` (or `raise g`)
    else:
        st.raised.append(exc)


def _leaves(e):
    if isinstance(e, BaseExceptionGroup):
        out = []
        for x in e.exceptions:
            out.extend(_leaves(x))
        return out
    return [e]


def __except_star_end__(st):
    """What leaves the try: the exceptions raised in the handlers (one as
    it is, several in a group) beside the original's leaves that were not
    handled or were re-raised (projected on the original's shape)."""
    keep = set(id(x) for g in st.reraised for x in _leaves(g))
    if st.rest is not None:
        keep.update(id(x) for x in _leaves(st.rest))
    keep_eg = None
    if keep:
        if st.naked:
            keep_eg = st.orig
        else:
            keep_eg = st.orig.subgroup(lambda e: not isinstance(e, BaseExceptionGroup) and id(e) in keep)
    raised_eg = None
    if len(st.raised) == 1:
        raised_eg = st.raised[0]
    elif st.raised:
        raised_eg = BaseExceptionGroup("", st.raised)
    if raised_eg is None and keep_eg is None:
        return
    if raised_eg is None:
        raise keep_eg
    if keep_eg is None:
        raise raised_eg
    raise BaseExceptionGroup("", [raised_eg, keep_eg])
