# Which iterator is which: a learner printing type() while debugging a loop
import threading

queue_of_work = [3, 1, 2]
names = {"a": 1, "b": 2}
for it in (iter(queue_of_work), iter((1, 2)), iter("abc"), iter("h\u00e9"), iter(range(3)),
           iter({1, 2}), iter(names), iter(names.values()), iter(names.items()),
           reversed(queue_of_work), reversed((1, 2)), reversed(names), reversed(names.items()),
           reversed(names.values()), iter(threading.active_count, 99)):
    print(type(it).__name__, type(it) is type(it), next(it, None) is not None)

it = iter(queue_of_work)
print(type(it) is type(iter([])), type(it) is type(iter(())))
try:
    class MyIter(type(it)):
        pass
except TypeError as e:
    print("TypeError:", e)
print(repr(iter([]))[:len("<list_iterator object at 0x")])
print(sorted(n for n in dir(it) if n in ("__next__", "__iter__")))
for it in (iter([]), iter(()), iter({}), reversed([]), iter(range(2)), iter(''), iter(set())):
    try:
        type(it)()
    except TypeError as e:
        print(e)
