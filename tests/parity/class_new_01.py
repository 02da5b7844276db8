class A(Exception):
    def __new__(cls, *a):
        if cls is A: cls = B
        return super().__new__(cls, *a)
class B(A): pass
print(type(A(1)).__name__)
class C:
    def __new__(cls):
        if cls is C: cls = D
        return super().__new__(cls)
class D(C): pass
print(type(C()).__name__)
