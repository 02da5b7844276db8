# collections: deque is C (sim/lib/mod_collections.c, this module's global);
# namedtuple, defaultdict, Counter, OrderedDict, ChainMap, UserDict and
# UserList are Python, after CPython 3.11's collections/__init__.py.
#
# The simulator cannot subclass dict or tuple (docs/language.md), so the
# dict-like classes here keep their items in a dict (self._data) and the
# namedtuple classes keep their values in a tuple, with the same methods,
# operators, reprs and errors as CPython's; isinstance(x, dict) and
# isinstance(p, tuple) are False for them.

import sys as _sys
from operator import itemgetter as _itemgetter, eq as _eq
from heapq import nlargest as _nlargest

_iskeyword_list = {
    'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class',
    'continue', 'def', 'del', 'elif', 'else', 'except', 'finally', 'for', 'from', 'global',
    'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise',
    'return', 'try', 'while', 'with', 'yield',
}


def _missing_message(qualname, names):
    n = len(names)
    quoted = [repr(x) for x in names]
    if n == 1:
        listed = quoted[0]
    elif n == 2:
        listed = quoted[0] + " and " + quoted[1]
    else:
        listed = ", ".join(quoted[:-1]) + ", and " + quoted[-1]
    return f"{qualname}() missing {n} required positional argument{'s' if n > 1 else ''}: {listed}"


# ---- the mapping machinery the dict-like classes share ----

class _DictLike:
    # Subclasses set self._data (a dict) in __init__.

    def __len__(self):
        return len(self._data)

    def __iter__(self):
        return iter(self._data)

    def __reversed__(self):
        return reversed(self._data)

    def __contains__(self, key):
        return key in self._data

    def __getitem__(self, key):
        try:
            return self._data[key]
        except KeyError:
            return self.__missing__(key)

    def __missing__(self, key):
        raise KeyError(key)

    def __setitem__(self, key, value):
        self._data[key] = value

    def __delitem__(self, key):
        del self._data[key]

    def __eq__(self, other):
        if isinstance(other, _DictLike):
            return self._data == other._data
        if isinstance(other, dict):
            return self._data == other
        return NotImplemented

    def __ne__(self, other):
        r = self.__eq__(other)
        return r if r is NotImplemented else not r

    __hash__ = None

    def __bool__(self):
        return len(self._data) > 0

    def keys(self):
        return self._data.keys()

    def values(self):
        return self._data.values()

    def items(self):
        return self._data.items()

    def get(self, key, default=None):
        return self._data.get(key, default)

    _marker = object()

    def pop(self, key, default=_marker):
        if default is _DictLike._marker:
            return self._data.pop(key)
        return self._data.pop(key, default)

    def popitem(self):
        return self._data.popitem()

    def setdefault(self, key, default=None):
        return self._data.setdefault(key, default)

    def update(self, other=(), /, **kwds):
        if isinstance(other, _DictLike):
            other = other._data
        self._data.update(other, **kwds)

    def clear(self):
        self._data.clear()

    def __or__(self, other):
        if not isinstance(other, (dict, _DictLike)):
            return NotImplemented
        new = self.copy()
        new.update(other)
        return new

    def __ror__(self, other):
        if not isinstance(other, (dict, _DictLike)):
            return NotImplemented
        new = self.__class__.__new_empty__(self)
        new.update(other)
        new.update(self._data)
        return new

    def __ior__(self, other):
        self.update(other)
        return self

    def __new_empty__(self):
        return self.copy_empty()


# ---- namedtuple ----

class _TupleLike:
    # A namedtuple class's base: its values in self._tuple_, its fields
    # also as instance attributes (read-only).
    __slots__ = ()

    def __setattr__(self, name, value):
        cls = type(self)
        if name in cls._fields:
            raise AttributeError("can't set attribute")
        if '_nt_name_' in cls.__dict__:
            raise AttributeError(f"'{cls.__name__}' object has no attribute '{name}'")
        object.__setattr__(self, name, value)

    def __delattr__(self, name):
        raise AttributeError("can't delete attribute")

    def __len__(self):
        return len(self._tuple_)

    def __iter__(self):
        return iter(self._tuple_)

    def __reversed__(self):
        return reversed(self._tuple_)

    def __getitem__(self, i):
        return self._tuple_[i]

    def __contains__(self, x):
        return x in self._tuple_

    def __hash__(self):
        return hash(self._tuple_)

    def __eq__(self, other):
        if isinstance(other, _TupleLike):
            return self._tuple_ == other._tuple_
        if isinstance(other, tuple):
            return self._tuple_ == other
        return NotImplemented

    def __ne__(self, other):
        r = self.__eq__(other)
        return r if r is NotImplemented else not r

    def __lt__(self, other):
        o = _as_tuple(other)
        return NotImplemented if o is None else self._tuple_ < o

    def __le__(self, other):
        o = _as_tuple(other)
        return NotImplemented if o is None else self._tuple_ <= o

    def __gt__(self, other):
        o = _as_tuple(other)
        return NotImplemented if o is None else self._tuple_ > o

    def __ge__(self, other):
        o = _as_tuple(other)
        return NotImplemented if o is None else self._tuple_ >= o

    def __add__(self, other):
        o = _as_tuple(other)
        return NotImplemented if o is None else self._tuple_ + o

    def __radd__(self, other):
        o = _as_tuple(other)
        return NotImplemented if o is None else o + self._tuple_

    def __mul__(self, n):
        return self._tuple_ * n

    __rmul__ = __mul__

    def __bool__(self):
        return len(self._tuple_) > 0

    def count(self, value):
        return self._tuple_.count(value)

    def index(self, value, *args):
        return self._tuple_.index(value, *args)

    def __repr__(self):
        return self.__class__.__name__ + '(' + ', '.join(
            f"{n}={v!r}" for n, v in zip(self._fields, self._tuple_)) + ')'

    def _asdict(self):
        return dict(zip(self._fields, self._tuple_))

    def _replace(self, /, **kwds):
        result = self._make(map(kwds.pop, self._fields, self._tuple_))
        if kwds:
            raise ValueError(f'Got unexpected field names: {list(kwds)!r}')
        return result

    def __getnewargs__(self):
        return self._tuple_

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        from copy import deepcopy
        return self._make(deepcopy(v, memo) for v in self._tuple_)


def _as_tuple(x):
    if isinstance(x, _TupleLike):
        return x._tuple_
    if isinstance(x, tuple):
        return x
    return None


def _nt_init(self, *args, **kwds):
    cls = type(self)
    fields = cls._fields
    n = len(fields)
    typename = cls._nt_name_
    if len(args) > n:
        raise TypeError(f"{typename}.__new__() takes {n + 1} positional arguments but {len(args) + 1} were given")
    values = list(args)
    missing = []
    defaults = cls._field_defaults
    for name in fields[len(args):]:
        if name in kwds:
            values.append(kwds.pop(name))
        elif name in defaults:
            values.append(defaults[name])
        else:
            missing.append(name)
    for k in kwds:
        if k in fields:
            raise TypeError(f"{typename}.__new__() got multiple values for argument '{k}'")
        raise TypeError(f"{typename}.__new__() got an unexpected keyword argument '{k}'")
    if missing:
        raise TypeError(_missing_message(typename + ".__new__", missing))
    _nt_fill(self, fields, tuple(values))


def _nt_fill(self, fields, values):
    object.__setattr__(self, '_tuple_', values)
    for name, v in zip(fields, values):
        object.__setattr__(self, name, v)


def _nt_make(cls, iterable):
    values = tuple(iterable)
    if len(values) != len(cls._fields):
        raise TypeError(f'Expected {len(cls._fields)} arguments, got {len(values)}')
    return cls(*values)


def namedtuple(typename, field_names, *, rename=False, defaults=None, module=None):
    if isinstance(field_names, str):
        field_names = field_names.replace(',', ' ').split()
    field_names = list(map(str, field_names))
    typename = str(typename)

    if rename:
        seen = set()
        for index, name in enumerate(field_names):
            if (not name.isidentifier() or name in _iskeyword_list
                    or name.startswith('_') or name in seen):
                field_names[index] = f'_{index}'
            seen.add(name)

    for name in [typename] + field_names:
        if type(name) is not str:
            raise TypeError('Type names and field names must be strings')
        if not name.isidentifier():
            raise ValueError('Type names and field names must be valid '
                             f'identifiers: {name!r}')
        if name in _iskeyword_list:
            raise ValueError('Type names and field names cannot be a '
                             f'keyword: {name!r}')

    seen = set()
    for name in field_names:
        if name.startswith('_') and not rename:
            raise ValueError('Field names cannot start with an underscore: '
                             f'{name!r}')
        if name in seen:
            raise ValueError(f'Encountered duplicate field name: {name!r}')
        seen.add(name)

    field_defaults = {}
    if defaults is not None:
        defaults = tuple(defaults)
        if len(defaults) > len(field_names):
            raise TypeError('Got more default values than field names')
        field_defaults = dict(reversed(list(zip(reversed(field_names),
                                                reversed(defaults)))))

    namespace = {
        '__slots__': (),
        '_fields': tuple(field_names),
        '_field_defaults': field_defaults,
        '_nt_name_': typename,
        '__init__': _nt_init,
        '_make': classmethod(_nt_make),
        '__match_args__': tuple(field_names),
        '__module__': module if module is not None else _caller_module(),
        '__qualname__': typename,
    }
    result = type(typename, (_TupleLike,), namespace)
    return result


def _caller_module():
    return '__main__'


# ---- defaultdict ----

class defaultdict(_DictLike):
    def __init__(self, default_factory=None, /, *args, **kwargs):
        if default_factory is not None and not callable(default_factory):
            raise TypeError('first argument must be callable or None')
        self.default_factory = default_factory
        self._data = {}
        if args or kwargs:
            self.update(*args, **kwargs)

    def __missing__(self, key):
        if self.default_factory is None:
            raise KeyError(key)
        value = self.default_factory()
        self._data[key] = value
        return value

    def copy(self):
        new = defaultdict(self.default_factory)
        new._data = self._data.copy()
        return new

    __copy__ = copy

    def copy_empty(self):
        return defaultdict(self.default_factory)

    def __repr__(self):
        return f"{type(self).__name__}({self.default_factory!r}, {self._data!r})"

    @classmethod
    def fromkeys(cls, iterable, value=None):
        d = cls()
        for k in iterable:
            d[k] = value
        return d


# ---- OrderedDict ----

class OrderedDict(_DictLike):
    def __init__(self, other=(), /, **kwds):
        self._data = {}
        self.update(other, **kwds)

    def popitem(self, last=True):
        if not self._data:
            raise KeyError('dictionary is empty')
        if last:
            return self._data.popitem()
        key = next(iter(self._data))
        value = self._data.pop(key)
        return key, value

    def move_to_end(self, key, last=True):
        value = self._data.pop(key)
        if last:
            self._data[key] = value
        else:
            rest = self._data
            self._data = {key: value}
            self._data.update(rest)

    def __eq__(self, other):
        if isinstance(other, OrderedDict):
            return self._data == other._data and list(self._data) == list(other._data)
        return _DictLike.__eq__(self, other)

    def copy(self):
        return type(self)(self)

    __copy__ = copy

    def copy_empty(self):
        return type(self)()

    def __repr__(self):
        if not self._data:
            return f'{self.__class__.__name__}()'
        return f'{self.__class__.__name__}({list(self._data.items())!r})'

    @classmethod
    def fromkeys(cls, iterable, value=None):
        self = cls()
        for key in iterable:
            self[key] = value
        return self


# ---- Counter ----

class Counter(_DictLike):
    def __init__(self, iterable=None, /, **kwds):
        self._data = {}
        self.update(iterable, **kwds)

    def __missing__(self, key):
        return 0

    def total(self):
        return sum(self._data.values())

    def most_common(self, n=None):
        if n is None:
            return sorted(self._data.items(), key=_itemgetter(1), reverse=True)
        return _nlargest(n, self._data.items(), key=_itemgetter(1))

    def elements(self):
        for elem, count in self._data.items():
            for _ in range(count):
                yield elem

    @classmethod
    def fromkeys(cls, iterable, v=None):
        raise NotImplementedError(
            'Counter.fromkeys() is undefined.  Use Counter(iterable) instead.')

    def update(self, iterable=None, /, **kwds):
        data = self._data
        if iterable is not None:
            if isinstance(iterable, (dict, _DictLike)):
                if data:
                    for elem, count in iterable.items():
                        data[elem] = count + data.get(elem, 0)
                else:
                    data.update(iterable.items())
            else:
                for elem in iterable:
                    data[elem] = data.get(elem, 0) + 1
        if kwds:
            self.update(kwds)

    def subtract(self, iterable=None, /, **kwds):
        data = self._data
        if iterable is not None:
            if isinstance(iterable, (dict, _DictLike)):
                for elem, count in iterable.items():
                    data[elem] = data.get(elem, 0) - count
            else:
                for elem in iterable:
                    data[elem] = data.get(elem, 0) - 1
        if kwds:
            self.subtract(kwds)

    def copy(self):
        return self.__class__(self)

    __copy__ = copy

    def copy_empty(self):
        return self.__class__()

    def __delitem__(self, elem):
        if elem in self._data:
            del self._data[elem]

    def __eq__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return all(self[e] == other[e] for c in (self, other) for e in c)

    def __ne__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return not self == other

    def __le__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return all(self[e] <= other[e] for c in (self, other) for e in c)

    def __lt__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self <= other and self != other

    def __ge__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return all(self[e] >= other[e] for c in (self, other) for e in c)

    def __gt__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self >= other and self != other

    def __repr__(self):
        if not self._data:
            return f'{self.__class__.__name__}()'
        try:
            d = dict(self.most_common())
        except TypeError:
            d = dict(self._data)
        return f'{self.__class__.__name__}({d!r})'

    def __add__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            newcount = count + other[elem]
            if newcount > 0:
                result[elem] = newcount
        for elem, count in other.items():
            if elem not in self and count > 0:
                result[elem] = count
        return result

    def __sub__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            newcount = count - other[elem]
            if newcount > 0:
                result[elem] = newcount
        for elem, count in other.items():
            if elem not in self and count < 0:
                result[elem] = 0 - count
        return result

    def __or__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            other_count = other[elem]
            newcount = other_count if count < other_count else count
            if newcount > 0:
                result[elem] = newcount
        for elem, count in other.items():
            if elem not in self and count > 0:
                result[elem] = count
        return result

    def __and__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            other_count = other[elem]
            newcount = count if count < other_count else other_count
            if newcount > 0:
                result[elem] = newcount
        return result

    def __pos__(self):
        result = Counter()
        for elem, count in self.items():
            if count > 0:
                result[elem] = count
        return result

    def __neg__(self):
        result = Counter()
        for elem, count in self.items():
            if count < 0:
                result[elem] = 0 - count
        return result

    def _keep_positive(self):
        nonpositive = [elem for elem, count in self._data.items() if not count > 0]
        for elem in nonpositive:
            del self._data[elem]
        return self

    def __iadd__(self, other):
        for elem, count in other.items():
            self[elem] += count
        return self._keep_positive()

    def __isub__(self, other):
        for elem, count in other.items():
            self[elem] -= count
        return self._keep_positive()

    def __ior__(self, other):
        for elem, other_count in other.items():
            count = self[elem]
            if other_count > count:
                self[elem] = other_count
        return self._keep_positive()

    def __iand__(self, other):
        for elem, count in list(self.items()):
            other_count = other[elem]
            if other_count < count:
                self[elem] = other_count
        return self._keep_positive()


# ---- ChainMap ----

class ChainMap:
    def __init__(self, *maps):
        self.maps = list(maps) or [{}]

    def __missing__(self, key):
        raise KeyError(key)

    def __getitem__(self, key):
        for mapping in self.maps:
            try:
                return mapping[key]
            except KeyError:
                pass
        return self.__missing__(key)

    def get(self, key, default=None):
        return self[key] if key in self else default

    def __len__(self):
        return len(set().union(*self.maps))

    def __iter__(self):
        d = {}
        for mapping in reversed(self.maps):
            d.update(dict.fromkeys(mapping))
        return iter(d)

    def __contains__(self, key):
        return any(key in m for m in self.maps)

    def __bool__(self):
        return any(self.maps)

    def __repr__(self):
        return f'{self.__class__.__name__}({", ".join(map(repr, self.maps))})'

    @classmethod
    def fromkeys(cls, iterable, *args):
        return cls(dict.fromkeys(iterable, *args))

    def copy(self):
        return self.__class__(self.maps[0].copy(), *self.maps[1:])

    __copy__ = copy

    def new_child(self, m=None, **kwargs):
        if m is None:
            m = kwargs
        elif kwargs:
            m.update(kwargs)
        return self.__class__(m, *self.maps)

    @property
    def parents(self):
        return self.__class__(*self.maps[1:])

    def __setitem__(self, key, value):
        self.maps[0][key] = value

    def __delitem__(self, key):
        try:
            del self.maps[0][key]
        except KeyError:
            raise KeyError(f'Key not found in the first mapping: {key!r}')

    def popitem(self):
        try:
            return self.maps[0].popitem()
        except KeyError:
            raise KeyError('No keys found in the first mapping.')

    def pop(self, key, *args):
        try:
            return self.maps[0].pop(key, *args)
        except KeyError:
            raise KeyError(f'Key not found in the first mapping: {key!r}')

    def clear(self):
        self.maps[0].clear()

    def keys(self):
        return list(self)

    def items(self):
        return [(k, self[k]) for k in self]

    def values(self):
        return [self[k] for k in self]

    def setdefault(self, key, default=None):
        if key not in self:
            self[key] = default
        return self[key]

    def update(self, other=(), /, **kwds):
        self.maps[0].update(other, **kwds)

    def __eq__(self, other):
        if isinstance(other, (dict, ChainMap, _DictLike)):
            return dict(self.items()) == dict(other.items())
        return NotImplemented

    __hash__ = None

    def __or__(self, other):
        if not isinstance(other, (dict, _DictLike, ChainMap)):
            return NotImplemented
        m = self.copy()
        m.maps[0].update(other)
        return m

    def __ior__(self, other):
        self.maps[0].update(other)
        return self


# ---- UserDict, UserList ----

class UserDict(_DictLike):
    def __init__(self, dict=None, /, **kwargs):
        self._data = {}
        if dict is not None:
            self.update(dict)
        if kwargs:
            self.update(kwargs)

    @property
    def data(self):
        return self._data

    def __repr__(self):
        return repr(self._data)

    def copy(self):
        new = self.__class__()
        new._data = self._data.copy()
        return new

    __copy__ = copy

    def copy_empty(self):
        return self.__class__()

    @classmethod
    def fromkeys(cls, iterable, value=None):
        d = cls()
        for key in iterable:
            d[key] = value
        return d


class UserList:
    def __init__(self, initlist=None):
        self.data = []
        if initlist is not None:
            if isinstance(initlist, UserList):
                self.data[:] = initlist.data[:]
            else:
                self.data = list(initlist)

    def __repr__(self):
        return repr(self.data)

    def __lt__(self, other):
        return self.data < self.__cast(other)

    def __le__(self, other):
        return self.data <= self.__cast(other)

    def __eq__(self, other):
        return self.data == self.__cast(other)

    def __gt__(self, other):
        return self.data > self.__cast(other)

    def __ge__(self, other):
        return self.data >= self.__cast(other)

    def __cast(self, other):
        return other.data if isinstance(other, UserList) else other

    __hash__ = None

    def __contains__(self, item):
        return item in self.data

    def __len__(self):
        return len(self.data)

    def __iter__(self):
        return iter(self.data)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return self.__class__(self.data[i])
        return self.data[i]

    def __setitem__(self, i, item):
        self.data[i] = item

    def __delitem__(self, i):
        del self.data[i]

    def __add__(self, other):
        if isinstance(other, UserList):
            return self.__class__(self.data + other.data)
        return self.__class__(self.data + list(other))

    def __iadd__(self, other):
        if isinstance(other, UserList):
            self.data += other.data
        else:
            self.data += list(other)
        return self

    def __mul__(self, n):
        return self.__class__(self.data * n)

    def append(self, item):
        self.data.append(item)

    def insert(self, i, item):
        self.data.insert(i, item)

    def pop(self, i=-1):
        return self.data.pop(i)

    def remove(self, item):
        self.data.remove(item)

    def clear(self):
        self.data.clear()

    def copy(self):
        return self.__class__(self)

    def count(self, item):
        return self.data.count(item)

    def index(self, item, *args):
        return self.data.index(item, *args)

    def reverse(self):
        self.data.reverse()

    def sort(self, /, *args, **kwds):
        self.data.sort(*args, **kwds)

    def extend(self, other):
        if isinstance(other, UserList):
            self.data.extend(other.data)
        else:
            self.data.extend(other)
