# abc: ABC, ABCMeta, abstractmethod, after CPython 3.11's _py_abc.py.  The
# simulator has no metaclasses: ABC names ABCMeta as the class whose
# methods class-level operations use (register, __instancecheck__,
# __subclasscheck__, and the abstract methods computed when a subclass is
# created), and refuses abstract classes in its __new__ (_stdlib's
# NewBase makes that honoured).  class X(metaclass=ABCMeta) is rejected at
# load time: derive from ABC.

from _stdlib import NewBase, instance_new as _instance_new, type_setattr as _type_setattr
from _stdlib import is_subclass as _is_subclass


def abstractmethod(funcobj):
    funcobj.__isabstractmethod__ = True
    return funcobj


# (deprecated; classes in CPython, functions here: classmethod, staticmethod
# and property cannot be subclassed in the simulator)
def abstractclassmethod(callable):
    callable.__isabstractmethod__ = True
    return classmethod(callable)


def abstractstaticmethod(callable):
    callable.__isabstractmethod__ = True
    return staticmethod(callable)


def abstractproperty(fget=None, fset=None, fdel=None, doc=None):
    if fget is not None:
        fget.__isabstractmethod__ = True
    return property(fget, fset, fdel, doc)


def _is_abstract(value):
    try:
        return bool(getattr(value, "__isabstractmethod__", False))
    except Exception:
        return False


def get_cache_token():
    return ABCMeta._abc_invalidation_counter


class ABCMeta:
    _abc_invalidation_counter = 0

    def __init__(cls, name, bases, namespace):
        abstracts = {name
                     for name, value in namespace.items()
                     if _is_abstract(value)}
        for base in bases:
            for name in getattr(base, "__abstractmethods__", set()):
                value = getattr(cls, name, None)
                if _is_abstract(value):
                    abstracts.add(name)
        _type_setattr(cls, '__abstractmethods__', frozenset(abstracts))
        _type_setattr(cls, '_abc_registry', [])
        _type_setattr(cls, '_abc_subclasses', [])
        for base in cls.__mro__[1:]:
            subs = base.__dict__.get('_abc_subclasses')
            if subs is not None:
                subs.append(cls)

    def register(cls, subclass):
        if not isinstance(subclass, type):
            raise TypeError("Can only register classes")
        if issubclass(subclass, cls):
            return subclass
        if issubclass(cls, subclass):
            raise RuntimeError("Refusing to create an inheritance cycle")
        cls._abc_registry.append(subclass)
        ABCMeta._abc_invalidation_counter += 1
        return subclass

    def __instancecheck__(cls, instance):
        subclass = instance.__class__
        if _is_subclass(subclass, cls):
            return True
        subtype = type(instance)
        if subtype is subclass:
            return cls.__subclasscheck__(subclass)
        return any(cls.__subclasscheck__(c) for c in (subclass, subtype))

    def __subclasscheck__(cls, subclass):
        if not isinstance(subclass, type):
            raise TypeError('issubclass() arg 1 must be a class')
        ok = cls.__subclasshook__(subclass)
        if ok is not NotImplemented:
            return bool(ok)
        if _is_subclass(subclass, cls):
            return True
        for rcls in cls._abc_registry:
            if issubclass(subclass, rcls):
                return True
        for scls in cls._abc_subclasses:
            if scls is not subclass and issubclass(subclass, scls):
                return True
        return False

    def _dump_registry(cls, file=None):
        print(f"Class: {cls.__module__}.{cls.__qualname__}", file=file)
        print(f"Inv. counter: {get_cache_token()}", file=file)

    def _abc_registry_clear(cls):
        cls._abc_registry.clear()


class ABC(NewBase):
    _interleave_metaclass_ = ABCMeta
    __slots__ = ()

    def __new__(cls, *args, **kwargs):
        abstracts = cls.__abstractmethods__
        if abstracts:
            s = 's' if len(abstracts) > 1 else ''
            raise TypeError(f"Can't instantiate abstract class {cls.__name__} "
                            f"with abstract method{s} {', '.join(sorted(abstracts))}")
        if args and cls.__init__ is object.__init__:
            raise TypeError(f"{cls.__name__}() takes no arguments")
        return _instance_new(cls)

    @classmethod
    def __subclasshook__(cls, subclass):
        return NotImplemented


def update_abstractmethods(cls):
    if not hasattr(cls, '__abstractmethods__'):
        return cls
    abstracts = set()
    for scls in cls.__bases__:
        for name in getattr(scls, '__abstractmethods__', ()):
            value = getattr(cls, name, None)
            if getattr(value, "__isabstractmethod__", False):
                abstracts.add(name)
    for name, value in cls.__dict__.items():
        if getattr(value, "__isabstractmethod__", False):
            abstracts.add(name)
    _type_setattr(cls, '__abstractmethods__', frozenset(abstracts))
    return cls
