# itertools, as generators: the "roughly equivalent" code of CPython 3.11's
# documentation, written so the iterables they read are advanced by
# next() and for loops in bytecode (a generator feeding islice() or
# groupby() runs on the task and may block, as in CPython).  CPython's
# itertools are C: here each item costs a few bytecode ops, and the
# objects are generators (their repr is <generator object ...>).

_maxsize = 9223372036854775807


def count(start=0, step=1):
    if not isinstance(start, (int, float)) or not isinstance(step, (int, float)):
        raise TypeError("a number is required")
    n = start
    while True:
        yield n
        n += step


def cycle(iterable):
    saved = []
    for element in iterable:
        yield element
        saved.append(element)
    if not saved:
        return
    while True:
        for element in saved:
            yield element


def repeat(object, times=None):
    if times is None:
        while True:
            yield object
    else:
        for _ in range(times):
            yield object


def accumulate(iterable, func=None, *, initial=None):
    it = iter(iterable)
    total = initial
    if initial is None:
        try:
            total = next(it)
        except StopIteration:
            return
    yield total
    if func is None:
        for element in it:
            total = total + element
            yield total
    else:
        for element in it:
            total = func(total, element)
            yield total


def chain(*iterables):
    for it in iterables:
        for element in it:
            yield element


def _from_iterable(iterables):
    for it in iterables:
        for element in it:
            yield element


chain.from_iterable = _from_iterable


def compress(data, selectors):
    data = iter(data)
    selectors = iter(selectors)
    while True:
        try:
            d = next(data)
            s = next(selectors)
        except StopIteration:
            return
        if s:
            yield d


def dropwhile(predicate, iterable):
    iterable = iter(iterable)
    for x in iterable:
        if not predicate(x):
            yield x
            break
    for x in iterable:
        yield x


def filterfalse(predicate, iterable):
    if predicate is None:
        predicate = bool
    for x in iterable:
        if not predicate(x):
            yield x


def takewhile(predicate, iterable):
    for x in iterable:
        if predicate(x):
            yield x
        else:
            break


def starmap(function, iterable):
    for args in iterable:
        yield function(*args)


class _GroupState:
    pass


_marker = object()


def groupby(iterable, key=None):
    keyfunc = (lambda x: x) if key is None else key
    it = iter(iterable)
    st = _GroupState()
    st.tgtkey = st.currkey = st.currvalue = _marker
    st.id = None

    def grouper(tgtkey, gid):
        while st.id is gid and st.currkey == tgtkey:
            yield st.currvalue
            try:
                st.currvalue = next(it)
            except StopIteration:
                return
            st.currkey = keyfunc(st.currvalue)

    while True:
        gid = object()
        st.id = gid
        while st.currkey == st.tgtkey:
            try:
                st.currvalue = next(it)
            except StopIteration:
                return
            st.currkey = keyfunc(st.currvalue)
        st.tgtkey = st.currkey
        yield (st.currkey, grouper(st.tgtkey, gid))


def _islice_arg(v, what):
    if v is None:
        return None
    if not isinstance(v, int) or v < 0:
        raise ValueError(what)
    return v


def islice(iterable, *args):
    if len(args) == 0:
        raise TypeError("islice expected at least 2 arguments, got 1")
    if len(args) > 3:
        raise TypeError(f"islice expected at most 4 arguments, got {len(args) + 1}")
    if len(args) == 1:
        start, stop, step = None, args[0], None
        stop = _islice_arg(stop, "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.")
    else:
        start, stop, step = (list(args) + [None])[:3]
        msg = "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize."
        start = _islice_arg(start, msg)
        stop = _islice_arg(stop, msg)
        if step is not None and (not isinstance(step, int) or step <= 0):
            raise ValueError("Step for islice() must be a positive integer or None.")
    return _islice(iterable, start or 0, _maxsize if stop is None else stop, step or 1)


def _islice(iterable, start, stop, step):
    it = iter(iterable)
    nexti = start
    if start >= stop:
        # consume up to start
        i = 0
        while i < start:
            try:
                next(it)
            except StopIteration:
                return
            i += 1
        return
    i = 0
    for element in it:
        if i == nexti:
            yield element
            nexti += step
            if nexti >= stop:
                # consume to stop
                i += 1
                while i < stop:
                    try:
                        next(it)
                    except StopIteration:
                        return
                    i += 1
                return
        i += 1


def pairwise(iterable):
    it = iter(iterable)
    try:
        a = next(it)
    except StopIteration:
        return
    for b in it:
        yield a, b
        a = b


def tee(iterable, n=2):
    if not isinstance(n, int):
        raise TypeError(f"'{type(n).__name__}' object cannot be interpreted as an integer")
    if n < 0:
        raise ValueError("n must be >= 0")
    from collections import deque
    it = iter(iterable)
    deques = [deque() for i in range(n)]

    def gen(mydeque):
        while True:
            if not mydeque:
                try:
                    newval = next(it)
                except StopIteration:
                    return
                for d in deques:
                    d.append(newval)
            yield mydeque.popleft()

    return tuple([gen(d) for d in deques])


def zip_longest(*args, fillvalue=None):
    iterators = [iter(it) for it in args]
    num_active = len(iterators)
    if not num_active:
        return
    while True:
        values = []
        for i in range(len(iterators)):
            try:
                value = next(iterators[i])
            except StopIteration:
                num_active -= 1
                if not num_active:
                    return
                iterators[i] = repeat(fillvalue)
                value = fillvalue
            values.append(value)
        yield tuple(values)


def product(*args, repeat=1):
    if repeat < 0:
        raise ValueError("repeat argument cannot be negative")
    pools = [tuple(pool) for pool in args] * repeat
    n = len(pools)
    for pool in pools:
        if not pool:
            return
    indices = [0] * n
    yield tuple([pool[0] for pool in pools])
    while True:
        i = n - 1
        while i >= 0:
            if indices[i] == len(pools[i]) - 1:
                indices[i] = 0
                i -= 1
                continue
            indices[i] += 1
            break
        if i < 0:
            return
        yield tuple([pools[k][indices[k]] for k in range(n)])


def permutations(iterable, r=None):
    pool = tuple(iterable)
    n = len(pool)
    r = n if r is None else r
    if r < 0:
        raise ValueError("r must be non-negative")
    if r > n:
        return
    indices = list(range(n))
    cycles = list(range(n, n - r, -1))
    yield tuple([pool[i] for i in indices[:r]])
    while n:
        for i in reversed(range(r)):
            cycles[i] -= 1
            if cycles[i] == 0:
                indices[i:] = indices[i + 1:] + indices[i:i + 1]
                cycles[i] = n - i
            else:
                j = cycles[i]
                indices[i], indices[-j] = indices[-j], indices[i]
                yield tuple([pool[i] for i in indices[:r]])
                break
        else:
            return


def combinations(iterable, r):
    pool = tuple(iterable)
    n = len(pool)
    if r < 0:
        raise ValueError("r must be non-negative")
    if r > n:
        return
    indices = list(range(r))
    yield tuple([pool[i] for i in indices])
    while True:
        for i in reversed(range(r)):
            if indices[i] != i + n - r:
                break
        else:
            return
        indices[i] += 1
        for j in range(i + 1, r):
            indices[j] = indices[j - 1] + 1
        yield tuple([pool[i] for i in indices])


def combinations_with_replacement(iterable, r):
    pool = tuple(iterable)
    n = len(pool)
    if r < 0:
        raise ValueError("r must be non-negative")
    if not n and r:
        return
    indices = [0] * r
    yield tuple([pool[i] for i in indices])
    while True:
        for i in reversed(range(r)):
            if indices[i] != n - 1:
                break
        else:
            return
        indices[i:] = [indices[i] + 1] * (r - i)
        yield tuple([pool[i] for i in indices])
