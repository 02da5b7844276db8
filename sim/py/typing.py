# typing, for annotations: the names programs import, subscriptable as in
# CPython 3.11 (List[int], Optional[str], Callable[[int], str], Dict[str,
# T]...) with CPython's reprs, plus the runtime helpers (cast, TypeVar,
# NewType, overload, get_type_hints, NamedTuple, TypedDict, Protocol with
# runtime_checkable, Generic).  Nothing is type-checked, as in CPython.
#
# Generic[T] and Protocol[T] give the class itself, so `class Stack(
# Generic[T])` works (the simulator's class bases must be classes).

import collections.abc as _abc
import collections as _collections
from _stdlib import NewBase, instance_new as _instance_new, type_setattr as _type_setattr
from _stdlib import is_subclass as _is_subclass

TYPE_CHECKING = False


def _type_repr(obj):
    if isinstance(obj, type):
        if obj.__module__ == 'builtins':
            return obj.__qualname__
        return f'{obj.__module__}.{obj.__qualname__}'
    if obj is ...:
        return '...'
    if type(obj).__name__ == 'function':
        return obj.__name__
    return repr(obj)


def _type_check(arg, msg):
    if arg is None:
        return type(None)
    if isinstance(arg, str):
        return ForwardRef(arg)
    return arg


class ForwardRef:
    def __init__(self, arg):
        self.__forward_arg__ = arg

    def __repr__(self):
        return f'ForwardRef({self.__forward_arg__!r})'

    def __eq__(self, other):
        return isinstance(other, ForwardRef) and self.__forward_arg__ == other.__forward_arg__

    def __hash__(self):
        return hash(self.__forward_arg__)


class _Final:
    pass


class _SpecialForm(_Final):
    def __init__(self, name, getitem=None):
        self._name = name
        self._getitem = getitem

    def __repr__(self):
        return 'typing.' + self._name

    def __reduce__(self):
        return self._name

    def __call__(self, *args, **kwds):
        raise TypeError(f"Cannot instantiate {self!r}")

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __instancecheck__(self, obj):
        raise TypeError(f"{self} cannot be used with isinstance()")

    def __subclasscheck__(self, cls):
        raise TypeError(f"{self} cannot be used with issubclass()")

    def __getitem__(self, parameters):
        if self._getitem is None:
            raise TypeError(f"{self} is not subscriptable")
        return self._getitem(self, parameters)

    def __eq__(self, other):
        return self is other

    def __hash__(self):
        return hash(self._name)


class _GenericAlias(_Final):
    # List[int], Dict[str, T], Callable[[int], str], Union[int, str]...
    def __init__(self, origin, args, name=None, inst=True):
        if not isinstance(args, tuple):
            args = (args,)
        self.__origin__ = origin
        self.__args__ = args
        self._name = name
        self._inst = inst
        params = []
        for a in args:
            if isinstance(a, TypeVar) and a not in params:
                params.append(a)
        self.__parameters__ = tuple(params)

    def __repr__(self):
        if self._name:
            name = 'typing.' + self._name
        else:
            name = _type_repr(self.__origin__)
        if self.__args__:
            args = ", ".join([_type_repr(a) for a in self.__args__])
        else:
            args = "()"
        return f'{name}[{args}]'

    def __eq__(self, other):
        if not isinstance(other, _GenericAlias):
            return NotImplemented
        return self.__origin__ == other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        return hash((self.__origin__, self.__args__))

    def __call__(self, *args, **kwargs):
        if not self._inst:
            raise TypeError(f"Type {self._name} cannot be instantiated; "
                            f"use {self.__origin__.__name__}() instead")
        result = self.__origin__(*args, **kwargs)
        try:
            result.__orig_class__ = self
        except Exception:
            pass
        return result

    def __getitem__(self, params):
        # substitute the type variables: Dict[str, T][int]
        if not isinstance(params, tuple):
            params = (params,)
        subst = dict(zip(self.__parameters__, params))
        return _GenericAlias(self.__origin__, tuple(subst.get(a, a) for a in self.__args__), self._name)

    def __instancecheck__(self, obj):
        raise TypeError("Subscripted generics cannot be used with class and instance checks")

    def __subclasscheck__(self, cls):
        raise TypeError("Subscripted generics cannot be used with class and instance checks")

    def __or__(self, right):
        return Union[self, right]

    def __ror__(self, left):
        return Union[left, self]

    def __mro_entries__(self, bases):
        return (self.__origin__,)


class _SpecialGenericAlias(_Final):
    # the bare List, Dict, Iterable...: isinstance works, [] makes an alias
    def __init__(self, origin, nparams, name, inst=True):
        self.__origin__ = origin
        self._nparams = nparams
        self._name = name
        self._inst = inst

    def __repr__(self):
        return 'typing.' + self._name

    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        params = tuple(_type_check(p, "") for p in params)
        if self._nparams >= 0 and len(params) != self._nparams:
            raise TypeError(f"Too {'many' if len(params) > self._nparams else 'few'} arguments for {self};"
                            f" actual {len(params)}, expected {self._nparams}")
        return _GenericAlias(self.__origin__, params, self._name, self._inst)

    def __call__(self, *args, **kwargs):
        if not self._inst:
            raise TypeError(f"Type {self._name} cannot be instantiated; "
                            f"use {self.__origin__.__name__}() instead")
        return self.__origin__(*args, **kwargs)

    def __instancecheck__(self, obj):
        return isinstance(obj, self.__origin__)

    def __subclasscheck__(self, cls):
        return issubclass(cls, self.__origin__)

    def __or__(self, right):
        return Union[self, right]

    def __ror__(self, left):
        return Union[left, self]

    def __eq__(self, other):
        return isinstance(other, _SpecialGenericAlias) and self.__origin__ is other.__origin__

    def __hash__(self):
        return hash(self.__origin__)


class _CallableGenericAlias(_GenericAlias):
    def __repr__(self):
        if len(self.__args__) == 2 and self.__args__[0] is Ellipsis:
            return f'typing.Callable[..., {_type_repr(self.__args__[1])}]'
        return (f'typing.Callable'
                f'[[{", ".join([_type_repr(a) for a in self.__args__[:-1]])}], '
                f'{_type_repr(self.__args__[-1])}]')


class _CallableType(_SpecialGenericAlias):
    def __getitem__(self, params):
        if not isinstance(params, tuple) or len(params) != 2:
            raise TypeError("Callable must be used as Callable[[arg, ...], result].")
        args, result = params
        if isinstance(args, list):
            params = tuple(_type_check(a, "") for a in args) + (_type_check(result, ""),)
        elif args is Ellipsis:
            params = (Ellipsis, _type_check(result, ""))
        else:
            raise TypeError("Callable[args, result]: args must be a list. Got " + _type_repr(args))
        return _CallableGenericAlias(self.__origin__, params, 'Callable')

    def __instancecheck__(self, obj):
        return callable(obj)


class _UnionGenericAlias(_GenericAlias):
    def __repr__(self):
        args = self.__args__
        if len(args) == 2:
            if args[0] is type(None):
                return f'typing.Optional[{_type_repr(args[1])}]'
            elif args[1] is type(None):
                return f'typing.Optional[{_type_repr(args[0])}]'
        return 'typing.Union[' + ', '.join([_type_repr(a) for a in args]) + ']'

    def __instancecheck__(self, obj):
        return isinstance(obj, tuple(a for a in self.__args__ if isinstance(a, type)))

    def __subclasscheck__(self, cls):
        return issubclass(cls, tuple(a for a in self.__args__ if isinstance(a, type)))

    def __eq__(self, other):
        if not isinstance(other, _UnionGenericAlias):
            return NotImplemented
        return set(self.__args__) == set(other.__args__)

    def __hash__(self):
        return hash(frozenset(self.__args__))


def _union_getitem(self, parameters):
    if parameters == ():
        raise TypeError("Cannot take a Union of no types.")
    if not isinstance(parameters, tuple):
        parameters = (parameters,)
    flat = []
    for p in parameters:
        p = _type_check(p, "")
        if isinstance(p, _UnionGenericAlias):
            flat.extend(p.__args__)
        else:
            flat.append(p)
    unique = []
    for p in flat:
        if p not in unique:
            unique.append(p)
    if len(unique) == 1:
        return unique[0]
    return _UnionGenericAlias(self, tuple(unique), 'Union')


def _optional_getitem(self, parameters):
    arg = _type_check(parameters, "Optional[t] requires a single type.")
    return Union[arg, type(None)]


def _literal_getitem(self, parameters):
    if not isinstance(parameters, tuple):
        parameters = (parameters,)
    return _LiteralGenericAlias(self, parameters, 'Literal')


class _LiteralGenericAlias(_GenericAlias):
    def __repr__(self):
        return 'typing.Literal[' + ', '.join([repr(a) for a in self.__args__]) + ']'


def _generic_form_getitem(self, parameters):
    return _GenericAlias(self, parameters, self._name)


def _annotated_getitem(self, params):
    if not isinstance(params, tuple) or len(params) < 2:
        raise TypeError("Annotated[...] should be used with at least two arguments (a type and an annotation).")
    return _AnnotatedAlias(params[0], params[1:])


class _AnnotatedAlias(_GenericAlias):
    def __init__(self, origin, metadata):
        _GenericAlias.__init__(self, origin, (origin,), None)
        self.__metadata__ = metadata

    def __repr__(self):
        return "typing.Annotated[{}, {}]".format(
            _type_repr(self.__origin__), ", ".join(repr(a) for a in self.__metadata__))


Any = _SpecialForm('Any')
NoReturn = _SpecialForm('NoReturn')
Never = _SpecialForm('Never')
Self = _SpecialForm('Self')
LiteralString = _SpecialForm('LiteralString')
TypeAlias = _SpecialForm('TypeAlias')
ClassVar = _SpecialForm('ClassVar', _generic_form_getitem)
Final = _SpecialForm('Final', _generic_form_getitem)
Union = _SpecialForm('Union', _union_getitem)
Optional = _SpecialForm('Optional', _optional_getitem)
Literal = _SpecialForm('Literal', _literal_getitem)
Concatenate = _SpecialForm('Concatenate', _generic_form_getitem)
TypeGuard = _SpecialForm('TypeGuard', _generic_form_getitem)
Required = _SpecialForm('Required', _generic_form_getitem)
NotRequired = _SpecialForm('NotRequired', _generic_form_getitem)
Unpack = _SpecialForm('Unpack', _generic_form_getitem)
Annotated = _SpecialForm('Annotated', _annotated_getitem)


class TypeVar(_Final):
    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False):
        self.__name__ = name
        if covariant and contravariant:
            raise ValueError("Bivariant types are not supported.")
        self.__covariant__ = bool(covariant)
        self.__contravariant__ = bool(contravariant)
        if constraints and bound is not None:
            raise TypeError("Constraints cannot be combined with bound=...")
        if len(constraints) == 1:
            raise TypeError("A single constraint is not allowed")
        self.__constraints__ = tuple(_type_check(t, "") for t in constraints)
        self.__bound__ = _type_check(bound, "") if bound is not None else None
        self.__module__ = '__main__'

    def __repr__(self):
        if self.__covariant__:
            prefix = '+'
        elif self.__contravariant__:
            prefix = '-'
        else:
            prefix = '~'
        return prefix + self.__name__

    def __or__(self, right):
        return Union[self, right]

    def __ror__(self, left):
        return Union[left, self]


class TypeVarTuple(_Final):
    def __init__(self, name):
        self.__name__ = name

    def __repr__(self):
        return self.__name__


class ParamSpec(_Final):
    def __init__(self, name, *, bound=None, covariant=False, contravariant=False):
        self.__name__ = name
        self.__bound__ = bound
        self.args = ParamSpecArgs(self)
        self.kwargs = ParamSpecKwargs(self)

    def __repr__(self):
        return '~' + self.__name__


class ParamSpecArgs(_Final):
    def __init__(self, origin):
        self.__origin__ = origin

    def __repr__(self):
        return f"{self.__origin__.__name__}.args"


class ParamSpecKwargs(_Final):
    def __init__(self, origin):
        self.__origin__ = origin

    def __repr__(self):
        return f"{self.__origin__.__name__}.kwargs"


AnyStr = TypeVar('AnyStr')


class Generic:
    # Generic[T] is Generic itself, so it can be a base class; C[int] of a
    # generic class C is an alias that makes C's instances
    def __class_getitem__(cls, params):
        if cls is Generic or cls is Protocol:
            return cls
        return _GenericAlias(cls, params)


_protocol_class = []


class _ProtocolMeta:
    def __instancecheck__(cls, instance):
        if _is_subclass(type(instance), cls):
            return True
        if not cls.__dict__.get('_is_runtime_protocol', False):
            if cls.__dict__.get('_is_protocol', False):
                raise TypeError("Instance and class checks can only be used with"
                                " @runtime_checkable protocols")
            return False
        for attr in _protocol_attrs(cls):
            if not hasattr(instance, attr):
                return False
        return True

    def __subclasscheck__(cls, other):
        if _is_subclass(other, cls):
            return True
        if not cls.__dict__.get('_is_runtime_protocol', False):
            if cls.__dict__.get('_is_protocol', False):
                raise TypeError("Instance and class checks can only be used with"
                                " @runtime_checkable protocols")
            return False
        for attr in _protocol_attrs(cls):
            if not any(attr in base.__dict__ for base in other.__mro__):
                return False
        return True

    def __init__(cls, name, bases, namespace):
        proto = _protocol_class[0] if _protocol_class else None
        _type_setattr(cls, '_is_protocol', proto is None or any(b is proto for b in bases))


_SPECIAL_NAMES = {'__abstractmethods__', '__annotations__', '__dict__', '__doc__', '__init__',
                  '__module__', '__new__', '__slots__', '__subclasshook__', '__weakref__',
                  '__class_getitem__', '__qualname__', '_is_protocol', '_is_runtime_protocol',
                  '_interleave_metaclass_', '__firstlineno__'}


def _protocol_attrs(cls):
    attrs = set()
    for base in cls.__mro__[:-1]:
        if base.__name__ in ('Protocol', 'Generic'):
            continue
        annotations = getattr(base, '__annotations__', {})
        for attr in list(base.__dict__.keys()) + list(annotations.keys()):
            if not attr.startswith('_abc_') and attr not in _SPECIAL_NAMES:
                attrs.add(attr)
    return attrs


class Protocol(Generic):
    _interleave_metaclass_ = _ProtocolMeta
    _is_protocol = True


_protocol_class.append(Protocol)


def runtime_checkable(cls):
    _type_setattr(cls, '_is_runtime_protocol', True)
    return cls


def _alias(origin, nparams, name, inst=True):
    return _SpecialGenericAlias(origin, nparams, name, inst)


List = _alias(list, 1, 'List', inst=False)
Dict = _alias(dict, 2, 'Dict', inst=False)
Set = _alias(set, 1, 'Set', inst=False)
FrozenSet = _alias(frozenset, 1, 'FrozenSet', inst=False)
Tuple = _alias(tuple, -1, 'Tuple', inst=False)
Type = _alias(type, 1, 'Type', inst=False)
DefaultDict = _alias(_collections.defaultdict, 2, 'DefaultDict')
OrderedDict = _alias(_collections.OrderedDict, 2, 'OrderedDict')
Counter = _alias(_collections.Counter, 1, 'Counter')
ChainMap = _alias(_collections.ChainMap, 2, 'ChainMap')
Deque = _alias(_collections.deque, 1, 'Deque')
Hashable = _alias(_abc.Hashable, 0, 'Hashable')
Awaitable = _alias(_abc.Awaitable, 1, 'Awaitable')
Coroutine = _alias(_abc.Coroutine, 3, 'Coroutine')
AsyncIterable = _alias(_abc.AsyncIterable, 1, 'AsyncIterable')
AsyncIterator = _alias(_abc.AsyncIterator, 1, 'AsyncIterator')
Iterable = _alias(_abc.Iterable, 1, 'Iterable')
Iterator = _alias(_abc.Iterator, 1, 'Iterator')
Reversible = _alias(_abc.Reversible, 1, 'Reversible')
Sized = _alias(_abc.Sized, 0, 'Sized')
Container = _alias(_abc.Container, 1, 'Container')
Collection = _alias(_abc.Collection, 1, 'Collection')
Callable = _CallableType(_abc.Callable, 2, 'Callable')
AbstractSet = _alias(_abc.Set, 1, 'AbstractSet')
MutableSet = _alias(_abc.MutableSet, 1, 'MutableSet')
Mapping = _alias(_abc.Mapping, 2, 'Mapping')
MutableMapping = _alias(_abc.MutableMapping, 2, 'MutableMapping')
Sequence = _alias(_abc.Sequence, 1, 'Sequence')
MutableSequence = _alias(_abc.MutableSequence, 1, 'MutableSequence')
MappingView = _alias(_abc.MappingView, 1, 'MappingView')
KeysView = _alias(_abc.KeysView, 1, 'KeysView')
ItemsView = _alias(_abc.ItemsView, 2, 'ItemsView')
ValuesView = _alias(_abc.ValuesView, 1, 'ValuesView')
Generator = _alias(_abc.Generator, 3, 'Generator')
AsyncGenerator = _alias(_abc.AsyncGenerator, 2, 'AsyncGenerator')
Text = str


class SupportsInt(Protocol):
    def __int__(self):
        pass


class SupportsFloat(Protocol):
    def __float__(self):
        pass


class SupportsIndex(Protocol):
    def __index__(self):
        pass


class SupportsAbs(Protocol):
    def __abs__(self):
        pass


class SupportsRound(Protocol):
    def __round__(self, ndigits=0):
        pass


def cast(typ, val):
    return val


def assert_type(val, typ, /):
    return val


def assert_never(arg, /):
    value = repr(arg)
    if len(value) > 100:
        value = value[:100] + '...'
    raise AssertionError(f"Expected code to be unreachable, but got: {value}")


def reveal_type(obj, /):
    import sys
    print(f"Runtime type is {type(obj).__name__!r}", file=sys.stderr)
    return obj


def overload(func):
    def _overload_dummy(*args, **kwds):
        raise NotImplementedError(
            "You should not call an overloaded function. "
            "A series of @typing.overload-decorated functions "
            "outside a stub module should always be followed "
            "by an implementation that is not @typing.overload-ed.")
    return _overload_dummy


def get_overloads(func):
    return []


def clear_overloads():
    pass


def final(f):
    try:
        f.__final__ = True
    except (AttributeError, TypeError):
        pass
    return f


def no_type_check(arg):
    return arg


def no_type_check_decorator(decorator):
    return decorator


def dataclass_transform(**kwargs):
    def decorator(cls_or_fn):
        return cls_or_fn
    return decorator


def get_origin(tp):
    if isinstance(tp, _GenericAlias):
        if isinstance(tp, _UnionGenericAlias):
            return Union
        if isinstance(tp, _AnnotatedAlias):
            return Annotated
        if isinstance(tp.__origin__, _SpecialForm):
            return tp.__origin__
        return tp.__origin__
    if tp is Generic:
        return Generic
    return None


def get_args(tp):
    if isinstance(tp, _AnnotatedAlias):
        return (tp.__origin__,) + tp.__metadata__
    if isinstance(tp, _CallableGenericAlias):
        res = tp.__args__
        if res[0] is not Ellipsis:
            res = (list(res[:-1]), res[-1])
        return res
    if isinstance(tp, _GenericAlias):
        return tp.__args__
    return ()


def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
    hints = {}
    if isinstance(obj, type):
        for base in reversed(obj.__mro__):
            ann = base.__dict__.get('__annotations__', None)
            if ann is None and base is not object and base.__module__ != 'builtins':
                ann = getattr(base, '__annotations__', {})
            for name, value in (ann or {}).items():
                hints[name] = type(None) if value is None else value
        return hints
    ann = getattr(obj, '__annotations__', None) or {}
    for name, value in ann.items():
        hints[name] = type(None) if value is None else value
    return hints


def is_typeddict(tp):
    return isinstance(tp, type) and tp.__dict__.get('_interleave_typeddict_', False)


class NewType:
    def __init__(self, name, tp):
        self.__qualname__ = name
        if '.' in name:
            name = name.rpartition('.')[-1]
        self.__name__ = name
        self.__supertype__ = tp
        self.__module__ = '__main__'

    def __repr__(self):
        return f'{self.__module__}.{self.__qualname__}'

    def __call__(self, x):
        return x

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


# ---- NamedTuple ----

class _NamedTupleMeta:
    def __init__(cls, name, bases, ns):
        if ns.get('_interleave_nt_base_', False):
            return
        types = dict(cls.__annotations__)
        fields = tuple(types)
        defaults = {}
        for field_name in fields:
            if field_name in ns:
                defaults[field_name] = ns[field_name]
            elif defaults:
                raise TypeError(f"Non-default namedtuple field {field_name} "
                                f"cannot follow default field{'s' if len(defaults) > 1 else ''} "
                                f"{', '.join(defaults.keys())}")
        _type_setattr(cls, '_fields', fields)
        _type_setattr(cls, '_field_defaults', defaults)
        _type_setattr(cls, '_nt_name_', name)
        _type_setattr(cls, '__match_args__', fields)
        _type_setattr(cls, '__init__', _collections._nt_init)
        _type_setattr(cls, '_make', classmethod(_collections._nt_make))
        _type_setattr(cls, '__annotations__', types)


class NamedTuple(_collections._TupleLike, NewBase):
    _interleave_metaclass_ = _NamedTupleMeta
    _interleave_nt_base_ = True

    def __new__(cls, *args, **kwargs):
        if cls is NamedTuple:
            # the functional form: NamedTuple('Point', [('x', int), ('y', int)])
            typename = args[0]
            fields = args[1] if len(args) > 1 else list(kwargs.items())
            nt = _collections.namedtuple(typename, [f for f, _ in fields])
            _type_setattr(nt, '__annotations__', dict(fields))
            return nt
        return _instance_new(cls)


# ---- TypedDict ----

class _TypedDictMeta:
    def __init__(cls, name, bases, ns):
        if ns.get('_interleave_td_base_', False):
            return
        total = ns.get('__total__', True)
        own = dict(cls.__annotations__)
        annotations = {}
        required = set()
        optional = set()
        for base in reversed(cls.__mro__[1:]):
            annotations.update(base.__dict__.get('__annotations__', {}) if base.__dict__.get('_interleave_typeddict_', False) else {})
            required.update(base.__dict__.get('__required_keys__', ()))
            optional.update(base.__dict__.get('__optional_keys__', ()))
        annotations.update(own)
        for k in own:
            (required if total else optional).add(k)
        _type_setattr(cls, '__annotations__', annotations)
        _type_setattr(cls, '__required_keys__', frozenset(required))
        _type_setattr(cls, '__optional_keys__', frozenset(optional))
        _type_setattr(cls, '__total__', total)
        _type_setattr(cls, '_interleave_typeddict_', True)


class TypedDict(NewBase):
    _interleave_metaclass_ = _TypedDictMeta
    _interleave_td_base_ = True

    def __new__(cls, *args, total=True, **kwargs):
        if cls is TypedDict:
            # the functional form: TypedDict('Movie', {'name': str})
            typename = args[0]
            fields = args[1] if len(args) > 1 else kwargs
            td = type(typename, (TypedDict,), {'__annotations__': dict(fields), '__total__': total,
                                                '__module__': '__main__', '__qualname__': typename})
            return td
        return dict(*args, **kwargs)

