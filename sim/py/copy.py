# copy: shallow and deep copies, after CPython 3.11's copy.py.  Instances
# of user classes are copied through their __dict__ (CPython goes through
# __reduce_ex__, which the simulator's objects do not have); __copy__ and
# __deepcopy__ are honoured.

from _stdlib import instance_new as _instance_new


class Error(Exception):
    pass


error = Error

_atomic_types = {type(None), int, float, bool, str, type, range, type(len),
                 type(lambda: 0), property, type(Ellipsis), type(NotImplemented), slice}


def copy(x):
    cls = type(x)
    if cls in _atomic_types or cls is tuple or cls is frozenset or isinstance(x, type):
        return x
    if cls is list:
        return x.copy()
    if cls is dict:
        return x.copy()
    if cls is set:
        return x.copy()
    copier = getattr(cls, "__copy__", None)
    if copier is not None:
        return copier(x)
    return _reconstruct_shallow(x)


def _reconstruct_shallow(x):
    if isinstance(x, BaseException):
        y = type(x)(*x.args)
    else:
        y = _instance_new(type(x))
    state = getattr(x, "__dict__", None)
    if state:
        y.__dict__.update(state)
    return y


def deepcopy(x, memo=None, _nil=[]):
    if memo is None:
        memo = {}
    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y
    cls = type(x)
    if cls in _atomic_types or isinstance(x, type):
        return x
    if cls is list:
        y = []
        memo[d] = y
        append = y.append
        for a in x:
            append(deepcopy(a, memo))
    elif cls is tuple:
        y = [deepcopy(a, memo) for a in x]
        # the tuple may have been copied while copying its items
        try:
            return memo[d]
        except KeyError:
            pass
        for k, j in zip(x, y):
            if k is not j:
                y = tuple(y)
                break
        else:
            y = x
    elif cls is dict:
        y = {}
        memo[d] = y
        for key, value in x.items():
            y[deepcopy(key, memo)] = deepcopy(value, memo)
    elif cls is set:
        y = set()
        memo[d] = y
        for a in x:
            y.add(deepcopy(a, memo))
    elif cls is frozenset:
        y = frozenset(deepcopy(a, memo) for a in x)
    else:
        copier = getattr(x, "__deepcopy__", None)
        if copier is not None:
            y = copier(memo)
        else:
            y = _reconstruct_deep(x, memo)
    if y is not x:
        memo[d] = y
        _keep_alive(x, memo)
    return y


def _reconstruct_deep(x, memo):
    from collections import deque
    if isinstance(x, deque):
        y = type(x)((), x.maxlen)
        memo[id(x)] = y
        for a in x:
            y.append(deepcopy(a, memo))
        return y
    if isinstance(x, BaseException):
        y = type(x)(*deepcopy(x.args, memo))
    else:
        y = _instance_new(type(x))
    memo[id(x)] = y
    state = getattr(x, "__dict__", None)
    if state:
        state = deepcopy(state, memo)
        if hasattr(y, '__setstate__'):
            y.__setstate__(state)
        else:
            y.__dict__.update(state)
    return y


def _keep_alive(x, memo):
    try:
        memo[id(memo)].append(x)
    except KeyError:
        memo[id(memo)] = [x]


