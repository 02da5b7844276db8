def gen():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")
for x in gen():
    print(x)
    break
print("after break")
def first():
    for x in gen():
        return x
print(first())
print("after return")
from_name = gen()
for x in from_name:
    break
print("held by a name: still open")
from_name.close()
print("end")
