# int.to_bytes / int.from_bytes: byte orders, signed two's complement, defaults, the errors, big ints both ways
print((1024).to_bytes(2, "big"), (1024).to_bytes(2, "little"), (0).to_bytes(0, "big"))
print((-1).to_bytes(2, "big", signed=True), (-129).to_bytes(2, "little", signed=True), (127).to_bytes(1, "big", signed=True))
print((2**100).to_bytes(13, "big").hex(), (2**64 - 1).to_bytes(8, "little"))
print((255).to_bytes(), (5).to_bytes(3))
for bad in [lambda: (256).to_bytes(1, "big"), lambda: (-1).to_bytes(1, "big"), lambda: (128).to_bytes(1, "big", signed=True),
            lambda: (1).to_bytes(1, "middle"), lambda: (1).to_bytes(-1, "big"), lambda: (-129).to_bytes(1, "big", signed=True)]:
    try:
        print(bad())
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
print(int.from_bytes(b"\x01\x00", "big"), int.from_bytes(b"\x01\x00", "little"), int.from_bytes(b"", "big"))
print(int.from_bytes(b"\xff\xff", "big", signed=True), int.from_bytes(b"\xff\x7f", "little", signed=True))
print(int.from_bytes(b"\x80" + b"\x00" * 15, "big", signed=True), int.from_bytes(b"\xff" * 20, "big"))
print(int.from_bytes(b"\x05"), int.from_bytes((12345678901234567890).to_bytes(9, "little"), "little"))
x = -(3 ** 80)
n = (x.bit_length() + 8) // 8
print(n, int.from_bytes(x.to_bytes(n, "big", signed=True), "big", signed=True) == x)
