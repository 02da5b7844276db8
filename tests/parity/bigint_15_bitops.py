# Bit operations on big and negative ints: a bitset of seen ids
seen = 0
for ident in [3, 70, 129, 64, 3, 1000]:
    seen |= 1 << ident
print("bitset bit_length:", seen.bit_length())
print("count:", bin(seen).count("1"), seen.bit_count())
print("has 70:", bool(seen >> 70 & 1), "has 71:", bool(seen >> 71 & 1))
members = [i for i in range(seen.bit_length()) if seen >> i & 1]
print("members:", members)

a = 2**80 - 1
b = 0xF0F0F0F0F0F0F0F0F0F0F0F0
print("and:", a & b)
print("or:", hex(a | b))
print("xor:", hex(a ^ b))
print("invert:", ~a)
print("neg and:", -a & 0xFFFF)
print("neg or:", -(2**70) | 5)
print("neg xor:", (-12345678901234567890) ^ 987654321)
print("shift left:", 1 << 100)
print("shift right:", (2**100 + 2**50) >> 49)
print("neg shift right:", -(2**100) >> 98, (-5) >> 1, (-1) >> 100)
print("neg shift left:", -3 << 70)
print("bit_length neg:", (-(2**70)).bit_length())
try:
    1 << -1
except ValueError as e:
    print("ValueError:", e)


def popcount_table(n):
    return [bin(i).count("1") for i in range(n)]


print("popcounts:", popcount_table(17))
mask64 = (1 << 64) - 1
h = 1469598103934665603
for ch in "interleave":
    h ^= ord(ch)
    h = (h * 1099511628211) & mask64
print("fnv1a-64 of 'interleave':", h, hex(h))
