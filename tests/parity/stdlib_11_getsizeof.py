# sys.getsizeof: CPython 3.11 sizes of ints, strs, containers as they grow
import sys
print([sys.getsizeof(x) for x in [0, 1, 2**30-1, 2**30, 2**60, -1, True, False, 1.5, None, "", "a", "é", "☕☕", "😀", (), (1, 2), [], [1, 2, 3], {}, {1: 1}, {"a": 1}, set(), {1, 2, 3, 4, 5}, range(3)]])
l = []
r = []
for i in range(20):
    l.append(i)
    r.append(sys.getsizeof(l))
print(r)
print([sys.getsizeof({i: i for i in range(n)}) for n in range(25)])
print([sys.getsizeof(set(range(n))) for n in range(25)])
print(sys.getsizeof({str(i): i for i in range(300)}), sys.getsizeof("x".encode()), sys.getsizeof(object()))
class A: pass
print(sys.getsizeof(A()), sys.getsizeof(len))
import sys
print([sys.getsizeof(x) for x in [2**62, 2**63, 2**90, -2**100, 10**50]])
