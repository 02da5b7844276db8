# collections.abc: isinstance checks by duck typing, registered builtins,
# and the mixin methods a Mapping subclass gets
import collections.abc
from collections.abc import Mapping, Iterable, Sized, MutableMapping, Sequence, Hashable, Iterator, Callable
from collections import deque, Counter, OrderedDict, namedtuple
print(isinstance([], Iterable), isinstance(5, Iterable), isinstance({}, Mapping), isinstance([], Sized))
print(isinstance(iter([]), Iterator), isinstance([], Iterator), isinstance(len, Callable), isinstance([], Hashable), isinstance(3, Hashable))
print(isinstance(deque(), Sequence), isinstance(Counter(), Mapping), issubclass(OrderedDict, MutableMapping))
class D(Mapping):
    def __init__(self, d): self.d = d
    def __getitem__(self, k): return self.d[k]
    def __iter__(self): return iter(self.d)
    def __len__(self): return len(self.d)
d = D({"a": 1, "b": 2})
print(list(d.keys()), list(d.items()), d.get("z", 0), "a" in d, d == {"a": 1, "b": 2}, dict(d))
print(isinstance(d, Mapping), isinstance(d, MutableMapping), collections.abc.Sized)
class G:
    def __iter__(self): yield 1
print(isinstance(G(), Iterable), isinstance((x for x in []), collections.abc.Generator))
