# expect-stderr: :7:9: error:
# expect-stderr: is not supported by the simulator
# expect-exit: 1
class Meta(type):
    pass

class A(metaclass=Meta):
    pass

print(A)
