# expect-stderr: Traceback (most recent call last):
# expect-stderr: line 9, in grow
# expect-stderr: MemoryError
# expect-exit: 1
def grow(bits):
    # 2 ** (2 ** 40) would need 128 GiB: CPython runs out of memory, and
    # the simulator refuses at once (its ints stop at 2 ** 30 bits)
    print("asking for", bits, "bits")
    return 2 ** bits


print(grow(64))
print(grow(2 ** 40))
