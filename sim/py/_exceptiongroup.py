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
        super().__init__(message, list(exceptions))
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
        return (self._derive_like(yes) if yes else None), (self._derive_like(no) if no else None)

    def subgroup(self, condition):
        return self.split(condition)[0]

    def __str__(self):
        n = len(self._exceptions)
        return f"{self._message} ({n} sub-exception{'s' if n > 1 else ''})"

    def __repr__(self):
        return f"{type(self).__name__}({self._message!r}, {list(self._exceptions)!r})"


class ExceptionGroup(BaseExceptionGroup, Exception):
    __module__ = 'builtins'
