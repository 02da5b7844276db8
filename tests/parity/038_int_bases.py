# int(x, base), hex/oct/bin, number formatting
print(int("ff", 16), int("FF", 16), int("0xff", 16), int("777", 8), int("0o17", 8))
print(int("1011", 2), int("0b1011", 2), int("z", 36), int("-101", 2), int("10", 3))
print(int("0x1A", 0), int("0o777", 0), int("0b11", 0), int("42", 0), int("  7f  ", 16))
print(hex(255), hex(0), hex(-255), hex(2 ** 40), hex(3054))
print(oct(8), oct(0), oct(-64), oct(511))
print(bin(5), bin(0), bin(-5), bin(255), bin(1024))
for n in [0, 1, 7, 10, 255, 4096, 65535]:
    print(f"{n:>6} {n:>8b} {n:>6o} {n:>5x} {n:#06x}")
print(format(255, "x"), format(255, "08b"), format(10, "o"), format(3.5, ".2f"), format(7, ">4"))
def to_base(n, base):
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    if n == 0:
        return "0"
    sign = "-" if n < 0 else ""
    n = abs(n)
    out = []
    while n:
        n, r = divmod(n, base)
        out.append(digits[r])
    return sign + "".join(reversed(out))
for n, b in [(255, 2), (255, 16), (-42, 7), (0, 5), (123456789, 36)]:
    s = to_base(n, b)
    print(n, b, s, int(s, b) == n)
for bad, base in [("12", 2), ("g", 16), ("", 10), ("0x", 16)]:
    try:
        int(bad, base)
    except ValueError as e:
        print(type(e).__name__, e)
try:
    int("5", 1)
except ValueError as e:
    print(type(e).__name__, e)
print(int("1" * 62, 2), len(bin(2 ** 61)) - 2)
print(0xFF + 0o10 + 0b1, 0x_ff, 1_0_0)
