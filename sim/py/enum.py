# enum: Enum, IntEnum, StrEnum, Flag, IntFlag, auto, unique, with CPython
# 3.11's behaviour (reprs, str(), lookups, aliases, composite flags and
# their names, errors).
#
# The simulator has no metaclasses: Enum names EnumType as the class whose
# methods class-level operations use (iter(Color), len(Color), Color['RED'],
# `in`, repr, setting attributes), and EnumType.__init__ turns the class's
# attributes into members once the class exists.  auto() values are given
# then, in definition order; `READ | WRITE` of two auto() values in the
# class body is kept as an expression and computed then too.  Color(1)
# goes through Enum.__new__ (_stdlib's NewBase honours it).  IntEnum,
# StrEnum and IntFlag members are not int or str objects (the simulator
# cannot subclass them): they delegate operators and methods to their
# value, compare and hash as it, and isinstance(member, int) is True.

from _stdlib import NewBase, instance_new as _instance_new, type_setattr as _type_setattr
from _stdlib import type_delattr as _type_delattr

__all__ = ['EnumType', 'EnumMeta', 'Enum', 'IntEnum', 'StrEnum', 'Flag', 'IntFlag', 'ReprEnum',
           'auto', 'unique', 'property', 'verify', 'member', 'nonmember', 'FlagBoundary', 'STRICT',
           'CONFORM', 'EJECT', 'KEEP', 'global_flag_repr', 'global_enum_repr', 'global_str',
           'global_enum', 'EnumCheck', 'CONTINUOUS', 'NAMED_FLAGS', 'UNIQUE', 'pickle_by_global_name',
           'pickle_by_enum_name']

_builtin_property = property
_builtin_bin = bin


class _AutoNull:
    def __repr__(self):
        return '_auto_null'


_auto_null = _AutoNull()


class auto:
    def __init__(self, value=_auto_null):
        self.value = value

    def __repr__(self):
        return "auto(%r)" % (self.value,)

    # READ | WRITE in a Flag's body: computed once the values are known
    def __or__(self, other):
        return _AutoExpr('|', self, other)

    def __ror__(self, other):
        return _AutoExpr('|', other, self)

    def __and__(self, other):
        return _AutoExpr('&', self, other)

    def __rand__(self, other):
        return _AutoExpr('&', other, self)

    def __xor__(self, other):
        return _AutoExpr('^', self, other)

    def __add__(self, other):
        return _AutoExpr('+', self, other)

    def __sub__(self, other):
        return _AutoExpr('-', self, other)

    def __mul__(self, other):
        return _AutoExpr('*', self, other)


class _AutoExpr(auto):
    def __init__(self, op, a, b):
        auto.__init__(self)
        self.op = op
        self.a = a
        self.b = b

    def resolve(self):
        a = _resolved(self.a)
        b = _resolved(self.b)
        if self.op == '|':
            return a | b
        if self.op == '&':
            return a & b
        if self.op == '^':
            return a ^ b
        if self.op == '+':
            return a + b
        if self.op == '-':
            return a - b
        return a * b


def _resolved(x):
    if isinstance(x, _AutoExpr):
        return x.resolve()
    if isinstance(x, auto):
        return x.value
    return x


class member:
    def __init__(self, value):
        self.value = value


class nonmember:
    def __init__(self, value):
        self.value = value


def property(fget=None, fset=None, fdel=None, doc=None):
    return _builtin_property(fget, fset, fdel, doc)


_descriptor_types = ('function', 'builtin_function_or_method', 'method', 'classmethod',
                     'staticmethod', 'property')


def _is_descriptor(obj):
    return (type(obj).__name__ in _descriptor_types or hasattr(obj, '__get__')
            or hasattr(obj, '__set__') or hasattr(obj, '__delete__'))


def _is_dunder(name):
    return (len(name) > 4 and name[:2] == name[-2:] == '__' and
            name[2] != '_' and name[-3] != '_')


def _is_sunder(name):
    return (len(name) > 2 and name[0] == name[-1] == '_' and
            name[1:2] != '_' and name[-2:-1] != '_')


def _is_private(cls_name, name):
    pattern = '_%s__' % (cls_name,)
    pat_len = len(pattern)
    return (len(name) > pat_len and name.startswith(pattern) and
            name[pat_len:pat_len + 1] != ['_'] and (name[-1] != '_' or name[-2] != '_'))


def _is_single_bit(num):
    if num == 0:
        return False
    num &= num - 1
    return num == 0


def _iter_bits_lsb(num):
    while num:
        b = num & (~num + 1)
        yield b
        num ^= b


def _high_bit(value):
    return value.bit_length() - 1


def bin(num, max_bits=None):
    ceiling = 2 ** (num).bit_length()
    if num >= 0:
        s = _builtin_bin(num + ceiling).replace('1', '0', 1)
    else:
        s = _builtin_bin(~num ^ (ceiling - 1) + ceiling)
    sign = s[:3]
    digits = s[3:]
    if max_bits is not None:
        if len(digits) < max_bits:
            digits = (sign[-1] * max_bits + digits)[-max_bits:]
    return "%s %s" % (sign, digits)


class FlagBoundary:
    def __init__(self, name):
        self._name_ = name

    def __repr__(self):
        return '<FlagBoundary.%s: %r>' % (self._name_, self._name_.lower())


STRICT = FlagBoundary('STRICT')
CONFORM = FlagBoundary('CONFORM')
EJECT = FlagBoundary('EJECT')
KEEP = FlagBoundary('KEEP')


class _MappingProxy:
    def __init__(self, d):
        self._d = d

    def __getitem__(self, key):
        return self._d[key]

    def __iter__(self):
        return iter(self._d)

    def __len__(self):
        return len(self._d)

    def __contains__(self, key):
        return key in self._d

    def keys(self):
        return self._d.keys()

    def values(self):
        return self._d.values()

    def items(self):
        return self._d.items()

    def get(self, key, default=None):
        return self._d.get(key, default)

    def __repr__(self):
        return 'mappingproxy(%r)' % (self._d,)

    def __str__(self):
        return str(self._d)

    def __eq__(self, other):
        return self._d == other


_creating = []
Flag = None


class EnumType:
    # the metaclass-like class of every enum (see the top of this file)

    def __init__(cls, name, bases, classdict):
        if classdict.get('_interleave_enum_base_', False):
            return
        for base in cls.__mro__[1:]:
            mm = base.__dict__.get('_member_map_')
            if mm:
                raise TypeError("%r cannot extend %r" % (cls, base))
        member_type = object
        for base in cls.__mro__:
            mt = base.__dict__.get('_interleave_member_type_')
            if mt is not None:
                member_type = mt
                break
        _type_setattr(cls, '_member_type_', member_type)
        _type_setattr(cls, '_member_names_', [])
        _type_setattr(cls, '_member_map_', {})
        _type_setattr(cls, '_value2member_map_', {})
        _type_setattr(cls, '_unhashable_values_', [])
        is_flag = issubclass(cls, Flag) if Flag is not None else False
        boundary = classdict.get('_boundary_')
        if boundary is None:
            for base in cls.__mro__[1:]:
                boundary = base.__dict__.get('_boundary_')
                if boundary is not None:
                    break
        if is_flag:
            _type_setattr(cls, '_boundary_', boundary or STRICT)
            _type_setattr(cls, '_flag_mask_', 0)
            _type_setattr(cls, '_singles_mask_', 0)
            _type_setattr(cls, '_all_bits_', 0)
            _type_setattr(cls, '_inverted_', None)
        ignore = classdict.get('_ignore_', [])
        if isinstance(ignore, str):
            ignore = ignore.replace(',', ' ').split()
        # the members: the class's own attributes that are not descriptors,
        # dunders, sunders or private names
        members = []
        for key, value in list(classdict.items()):
            if key in ignore or _is_dunder(key) or _is_sunder(key) or _is_private(name, key):
                continue
            if isinstance(value, nonmember):
                _type_setattr(cls, key, value.value)
                continue
            if isinstance(value, member):
                value = value.value
            elif _is_descriptor(value) or isinstance(value, type):
                continue
            members.append((key, value))
        for key in ignore:
            if key in classdict:
                _type_delattr(cls, key)
        gen = getattr(cls, '_generate_next_value_')
        last_values = []
        resolved = []
        for key, value in members:
            if isinstance(value, _AutoExpr):
                value = value.resolve()
            elif isinstance(value, auto):
                if value.value is _auto_null:
                    value.value = gen(key, 1, len(last_values), last_values[:])
                value = value.value
            elif isinstance(value, tuple) and any(isinstance(v, auto) for v in value):
                value = tuple(_resolved(v) for v in value)
            last_values.append(value)
            resolved.append((key, value))
        user_init = classdict.get('__init__')
        if user_init is not None and not hasattr(user_init, '_interleave_enum_init_'):
            _type_setattr(cls, '__init__', _guard_init(user_init))
        for key, value in resolved:
            _add_member(cls, key, value, user_init, is_flag)
        if is_flag:
            single_bits = multi_bits = 0
            for m in cls._member_map_.values():
                v = m._value_
                if isinstance(v, int):
                    if _is_single_bit(v):
                        single_bits |= v
                    else:
                        multi_bits |= v
            flag_mask = single_bits | multi_bits
            _type_setattr(cls, '_flag_mask_', flag_mask)
            _type_setattr(cls, '_singles_mask_', single_bits)
            _type_setattr(cls, '_all_bits_', 2 ** flag_mask.bit_length() - 1 if flag_mask else 0)
            member_list = [cls._member_map_[n]._value_ for n in cls._member_names_]
            if member_list != sorted(member_list):
                _type_setattr(cls, '_iter_member_', cls.__dict__.get('_iter_member_by_def_') or
                              Flag.__dict__['_iter_member_by_def_'])

    def __iter__(cls):
        return (cls._member_map_[name] for name in cls._member_names_)

    def __reversed__(cls):
        return (cls._member_map_[name] for name in reversed(cls._member_names_))

    def __len__(cls):
        return len(cls._member_names_)

    def __contains__(cls, member):
        if not isinstance(member, Enum):
            raise TypeError(
                "unsupported operand type(s) for 'in': %r and %r" % (
                    type(member).__qualname__, 'EnumType'))
        return isinstance(member, cls) and member._name_ in cls._member_map_

    def __getitem__(cls, name):
        return cls._member_map_[name]

    def __bool__(cls):
        return True

    def __repr__(cls):
        if Flag is not None and issubclass(cls, Flag):
            return "<flag %r>" % cls.__name__
        return "<enum %r>" % cls.__name__

    @_builtin_property
    def __members__(cls):
        return _MappingProxy(dict(cls._member_map_))

    def __setattr__(cls, name, value):
        member_map = cls.__dict__.get('_member_map_', {})
        if name in member_map:
            raise AttributeError('cannot reassign member %r' % (name,))
        _type_setattr(cls, name, value)

    def __delattr__(cls, attr):
        if attr in cls.__dict__.get('_member_map_', {}):
            raise AttributeError("%r cannot delete member %r." % (cls.__name__, attr))
        _type_delattr(cls, attr)


EnumMeta = EnumType


def _guard_init(init):
    # a user __init__ runs for members as they are made; Color(value)
    # would call it again (the simulator calls __init__ after __new__)
    def __init__(self, *args, **kwds):
        if _creating and _creating[-1] is self:
            init(self, *args, **kwds)
    __init__._interleave_enum_init_ = True
    __init__.__qualname__ = getattr(init, '__qualname__', '__init__')
    return __init__


def _add_member(cls, name, value, user_init, is_flag):
    m = _instance_new(cls)
    object.__setattr__(m, '_value_', value)
    object.__setattr__(m, '_name_', name)
    object.__setattr__(m, '__objclass__', cls)
    object.__setattr__(m, '_sort_order_', len(cls._member_map_))
    if user_init is not None:
        args = value if isinstance(value, tuple) else (value,)
        _creating.append(m)
        try:
            user_init(m, *args)
        finally:
            _creating.pop()
    # an alias: a value already taken
    canonical = None
    try:
        canonical = cls._value2member_map_.get(value)
    except TypeError:
        for other in cls._member_map_.values():
            if other._value_ == value:
                canonical = other
                break
    if canonical is not None:
        cls._member_map_[name] = canonical
        _type_setattr(cls, name, canonical)
        return
    if not is_flag or _is_single_bit(value):
        cls._member_names_.append(name)
    cls._member_map_[name] = m
    try:
        cls._value2member_map_[value] = m
    except TypeError:
        cls._unhashable_values_.append(value)
    _type_setattr(cls, name, m)


class Enum(NewBase):
    _interleave_metaclass_ = EnumType
    _interleave_enum_base_ = True
    _member_map_ = {}
    _member_names_ = []
    _value2member_map_ = {}

    def __new__(cls, value=_auto_null, names=None, *, module=None, qualname=None, type=None, start=1,
                boundary=None):
        if names is not None or (not cls._member_map_ and value is not _auto_null):
            return cls._create_(value, names, module=module, qualname=qualname, type=type,
                                start=start, boundary=boundary)
        if type_of(value) is cls:
            return value
        try:
            return cls._value2member_map_[value]
        except KeyError:
            pass
        except TypeError:
            for m in cls._member_map_.values():
                if m._value_ == value:
                    return m
        exc = None
        result = None
        try:
            result = cls._missing_(value)
        except Exception as e:
            exc = e
        if isinstance(result, cls):
            return result
        if result is not None:
            raise TypeError("error in %s._missing_: returned %r instead of None or a valid member"
                            % (cls.__name__, result))
        ve_exc = ValueError("%r is not a valid %s" % (value, cls.__qualname__))
        if exc is None:
            raise ve_exc
        raise exc

    @classmethod
    def _create_(cls, class_name, names, *, module=None, qualname=None, type=None, start=1, boundary=None):
        bases = (cls,) if type is None else (type, cls)
        classdict = {}
        gen = cls._generate_next_value_
        if isinstance(names, str):
            names = names.replace(',', ' ').split()
        if isinstance(names, (tuple, list)) and names and isinstance(names[0], str):
            original_names, names = names, []
            last_values = []
            for count, name in enumerate(original_names):
                value = gen(name, start, count, last_values[:])
                last_values.append(value)
                names.append((name, value))
        if names is None:
            names = ()
        for item in names:
            if isinstance(item, str):
                member_name, member_value = item, names[item]
            else:
                member_name, member_value = item
            classdict[member_name] = member_value
        classdict['__module__'] = module if module is not None else '__main__'
        classdict['__qualname__'] = qualname if qualname is not None else class_name
        if boundary is not None:
            classdict['_boundary_'] = boundary
        return _make_class(class_name, bases, classdict)

    def __init__(self, *args, **kwds):
        pass

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        if not last_values:
            return start
        for v in reversed(last_values):
            try:
                return v + 1
            except TypeError:
                pass
        return start

    @classmethod
    def _missing_(cls, value):
        return None

    def __repr__(self):
        v_repr = self.__class__._value_repr_ or repr
        return "<%s.%s: %s>" % (self.__class__.__name__, self._name_, v_repr(self._value_))

    def __str__(self):
        return "%s.%s" % (self.__class__.__name__, self._name_)

    def __dir__(self):
        return ['__class__', '__doc__', '__eq__', '__hash__', '__module__', 'name', 'value']

    def __format__(self, format_spec):
        return format(str(self), format_spec)

    def __hash__(self):
        return hash(self._name_)

    def __reduce_ex__(self, proto):
        return self.__class__, (self._value_,)

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    @_builtin_property
    def name(self):
        return self._name_

    @_builtin_property
    def value(self):
        return self._value_

    _value_repr_ = None


def type_of(x):
    return type(x)


def _make_class(name, bases, classdict):
    return type(name, bases, classdict)


class ReprEnum(Enum):
    _interleave_enum_base_ = True


def _val(x):
    return x._value_ if isinstance(x, Enum) else x


class _ValueMixin:
    # the operators and methods of the members' value type (int, str):
    # IntEnum, StrEnum and IntFlag members act as their values

    def __str__(self):
        return str(self._value_)

    def __format__(self, spec):
        return format(self._value_, spec)

    def __eq__(self, other):
        return self._value_ == _val(other)

    def __ne__(self, other):
        return self._value_ != _val(other)

    def __hash__(self):
        return hash(self._value_)

    def __lt__(self, other):
        return self._value_ < _val(other)

    def __le__(self, other):
        return self._value_ <= _val(other)

    def __gt__(self, other):
        return self._value_ > _val(other)

    def __ge__(self, other):
        return self._value_ >= _val(other)

    def __add__(self, other):
        return self._value_ + _val(other)

    def __radd__(self, other):
        return _val(other) + self._value_

    def __mul__(self, other):
        return self._value_ * _val(other)

    def __rmul__(self, other):
        return _val(other) * self._value_

    def __mod__(self, other):
        return self._value_ % _val(other)

    def __rmod__(self, other):
        return _val(other) % self._value_

    def __len__(self):
        return len(self._value_)

    def __iter__(self):
        return iter(self._value_)

    def __contains__(self, item):
        return _val(item) in self._value_

    def __getitem__(self, i):
        return self._value_[i]

    def __getattr__(self, name):
        if name.startswith('_'):
            raise AttributeError("%r object has no attribute %r" % (type(self).__name__, name))
        return getattr(self._value_, name)


class _IntMixin(_ValueMixin):
    def __int__(self):
        return int(self._value_)

    def __index__(self):
        return int(self._value_)

    def __float__(self):
        return float(self._value_)

    def __bool__(self):
        return bool(self._value_)

    def __sub__(self, other):
        return self._value_ - _val(other)

    def __rsub__(self, other):
        return _val(other) - self._value_

    def __truediv__(self, other):
        return self._value_ / _val(other)

    def __rtruediv__(self, other):
        return _val(other) / self._value_

    def __floordiv__(self, other):
        return self._value_ // _val(other)

    def __rfloordiv__(self, other):
        return _val(other) // self._value_

    def __pow__(self, other):
        return self._value_ ** _val(other)

    def __rpow__(self, other):
        return _val(other) ** self._value_

    def __lshift__(self, other):
        return self._value_ << _val(other)

    def __rshift__(self, other):
        return self._value_ >> _val(other)

    def __neg__(self):
        return -self._value_

    def __pos__(self):
        return +self._value_

    def __abs__(self):
        return abs(self._value_)

    def __invert__(self):
        return ~self._value_

    def __and__(self, other):
        return self._value_ & _val(other)

    def __rand__(self, other):
        return _val(other) & self._value_

    def __or__(self, other):
        return self._value_ | _val(other)

    def __ror__(self, other):
        return _val(other) | self._value_

    def __xor__(self, other):
        return self._value_ ^ _val(other)

    def __rxor__(self, other):
        return _val(other) ^ self._value_

    def __round__(self, ndigits=None):
        return round(self._value_, ndigits)


class IntEnum(_IntMixin, ReprEnum):
    _interleave_enum_base_ = True
    _interleave_member_type_ = int
    _interleave_bases_ = (int,)


class StrEnum(_ValueMixin, ReprEnum):
    _interleave_enum_base_ = True
    _interleave_member_type_ = str
    _interleave_bases_ = (str,)

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        return name.lower()


class Flag(Enum):
    _interleave_enum_base_ = True
    _boundary_ = STRICT
    _numeric_repr_ = repr

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        if not count:
            return start if start is not None else 1
        last_value = max(last_values)
        try:
            high_bit = _high_bit(last_value)
        except Exception:
            raise TypeError('invalid flag value %r' % last_value) from None
        return 2 ** (high_bit + 1)

    @classmethod
    def _iter_member_by_value_(cls, value):
        for val in _iter_bits_lsb(value & cls._flag_mask_):
            yield cls._value2member_map_.get(val)

    _iter_member_ = _iter_member_by_value_

    @classmethod
    def _iter_member_by_def_(cls, value):
        yield from sorted(cls._iter_member_by_value_(value), key=lambda m: m._sort_order_)

    @classmethod
    def _missing_(cls, value):
        if not isinstance(value, int):
            raise ValueError("%r is not a valid %s" % (value, cls.__qualname__))
        flag_mask = cls._flag_mask_
        all_bits = cls._all_bits_
        neg_value = None
        if (not ~all_bits <= value <= all_bits or value & (all_bits ^ flag_mask)):
            if cls._boundary_ is STRICT:
                max_bits = max(value.bit_length(), flag_mask.bit_length())
                raise ValueError(
                    "%r invalid value %r\n    given %s\n  allowed %s" % (
                        cls, value, bin(value, max_bits), bin(flag_mask, max_bits)))
            elif cls._boundary_ is CONFORM:
                value = value & flag_mask
            elif cls._boundary_ is EJECT:
                return value
            elif cls._boundary_ is KEEP:
                if value < 0:
                    value = max(all_bits + 1, 2 ** (value.bit_length())) + value
        if value < 0:
            neg_value = value
            value = all_bits + 1 + value
        unknown = value & ~flag_mask
        aliases = value & ~cls._singles_mask_
        member_value = value & cls._singles_mask_
        if unknown and cls._boundary_ is not KEEP:
            raise ValueError('%s(%r) -->  unknown values %r [%s]' % (
                cls.__name__, value, unknown, _builtin_bin(unknown)))
        pseudo_member = _instance_new(cls)
        object.__setattr__(pseudo_member, '_value_', value)
        if member_value or aliases:
            members = []
            combined_value = 0
            for m in cls._iter_member_(member_value):
                members.append(m)
                combined_value |= m._value_
            if aliases:
                value = member_value | aliases
                for n, pv in cls._member_map_.items():
                    if pv not in members and pv._value_ and pv._value_ & value == pv._value_:
                        members.append(pv)
                        combined_value |= pv._value_
            unknown = value ^ combined_value
            name = '|'.join([m._name_ for m in members])
            if not combined_value:
                name = None
            elif unknown and cls._boundary_ is STRICT:
                raise ValueError('%r: no members with value %r' % (cls, unknown))
            elif unknown:
                name += '|%s' % cls._numeric_repr_(unknown)
        else:
            name = None
        object.__setattr__(pseudo_member, '_name_', name)
        pseudo_member = cls._value2member_map_.setdefault(value, pseudo_member)
        if neg_value is not None:
            cls._value2member_map_[neg_value] = pseudo_member
        return pseudo_member

    def __contains__(self, other):
        if not isinstance(other, self.__class__):
            raise TypeError(
                "unsupported operand type(s) for 'in': %r and %r" % (
                    type(other).__qualname__, self.__class__.__qualname__))
        return other._value_ & self._value_ == other._value_

    def __iter__(self):
        yield from self._iter_member_(self._value_)

    def __len__(self):
        return self._value_.bit_count()

    def __repr__(self):
        cls_name = self.__class__.__name__
        v_repr = self.__class__._value_repr_ or repr
        if self._name_ is None:
            return "<%s: %s>" % (cls_name, v_repr(self._value_))
        return "<%s.%s: %s>" % (cls_name, self._name_, v_repr(self._value_))

    def __str__(self):
        cls_name = self.__class__.__name__
        if self._name_ is None:
            return '%s(%r)' % (cls_name, self._value_)
        return "%s.%s" % (cls_name, self._name_)

    def __bool__(self):
        return bool(self._value_)

    def __or__(self, other):
        if isinstance(other, self.__class__):
            other = other._value_
        elif self._member_type_ is not object and isinstance(other, self._member_type_):
            pass
        else:
            return NotImplemented
        return self.__class__(self._value_ | other)

    def __and__(self, other):
        if isinstance(other, self.__class__):
            other = other._value_
        elif self._member_type_ is not object and isinstance(other, self._member_type_):
            pass
        else:
            return NotImplemented
        return self.__class__(self._value_ & other)

    def __xor__(self, other):
        if isinstance(other, self.__class__):
            other = other._value_
        elif self._member_type_ is not object and isinstance(other, self._member_type_):
            pass
        else:
            return NotImplemented
        return self.__class__(self._value_ ^ other)

    def __invert__(self):
        if self._boundary_ in (EJECT, KEEP):
            return self.__class__(~self._value_)
        return self.__class__(self._singles_mask_ & ~self._value_)

    __rand__ = __and__
    __ror__ = __or__
    __rxor__ = __xor__


class IntFlag(_IntMixin, ReprEnum, Flag):
    _interleave_enum_base_ = True
    _interleave_member_type_ = int
    _interleave_bases_ = (int,)
    _boundary_ = KEEP

    # the Flag operators, not the int ones of _IntMixin
    __or__ = Flag.__or__
    __and__ = Flag.__and__
    __xor__ = Flag.__xor__
    __ror__ = Flag.__ror__
    __rand__ = Flag.__rand__
    __rxor__ = Flag.__rxor__
    __invert__ = Flag.__invert__
    __contains__ = Flag.__contains__
    __iter__ = Flag.__iter__
    __len__ = Flag.__len__
    __bool__ = Flag.__bool__
    _missing_ = Flag.__dict__['_missing_']


def unique(enumeration):
    duplicates = []
    for name, member in enumeration.__members__.items():
        if name != member.name:
            duplicates.append((name, member.name))
    if duplicates:
        alias_details = ', '.join(
            ["%s -> %s" % (alias, name) for (alias, name) in duplicates])
        raise ValueError('duplicate values found in %r: %s' %
                         (enumeration, alias_details))
    return enumeration


class EnumCheck:
    def __init__(self, name):
        self.name = name


CONTINUOUS = EnumCheck('CONTINUOUS')
NAMED_FLAGS = EnumCheck('NAMED_FLAGS')
UNIQUE = EnumCheck('UNIQUE')


def verify(*checks):
    def decorator(enumeration):
        if UNIQUE in checks:
            unique(enumeration)
        return enumeration
    return decorator


def global_enum_repr(self):
    return '%s.%s' % (self.__class__.__module__, self._name_)


def global_flag_repr(self):
    return '%s.%s' % (self.__class__.__module__, self._name_)


def global_str(self):
    return self._name_


def global_enum(cls, update_str=False):
    return cls


def pickle_by_global_name(self, proto):
    return self.name


def pickle_by_enum_name(self, proto):
    return getattr, (self.__class__, self._name_)
