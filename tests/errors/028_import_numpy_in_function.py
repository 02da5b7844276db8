# expect-stderr: :5:5: error:
# expect-stderr: is not available in the simulator
# expect-exit: 1
def compute():
    import numpy
    return numpy.zeros(3)

print(compute())
