# Big ints as keys: CPython's hash (modulus 2**61 - 1), equality across
# int, float and big int, dict and set behaviour, hash mixing
M61 = 2**61 - 1
for v in [2**61 - 2, 2**61 - 1, 2**61, 2**64, -(2**64), 2**64 + 1, 10**30, -(10**30),
          2**122, 7 * M61 + 3, -7 * M61 - 1, 2**63, -(2**63)]:
    print(v, hash(v), hash(v) == v % M61 if v > 0 else hash(v) == -((-v) % M61) or hash(v) == -2)
print(hash(2.0**64) == hash(2**64), hash(1e30) == hash(int(1e30)), hash(-2.0**100) == hash(-(2**100)))
d = {2**64: "two to the 64", 10**20: "1e20 as int", 2**53: "2**53"}
print(d[2.0**64], d[int("100000000000000000000")], d[9007199254740992.0])
d[1e20] = "replaced by the float key"
print(len(d), d[10**20], list(d)[1])
s = {2**100, 2.0**100, 2**100 + 1, 10**20, 1e20, (2**70, 1), (2.0**70, 1)}
print(len(s), 2**100 in s, 2**100 - 1 in s, (2**70, 1) in s)
print(sorted({3, 2**70, -(2**70), 2**65, 0}))
print({k: k % 7 for k in [2**64 + i for i in range(5)]})
print(hash((2**64, 1)) == hash((2.0**64, 1)), hash((10**30,)) == hash((10**30,)))


def fnv1a_64(text):
    h = 0xCBF29CE484222325
    for ch in text:
        h ^= ord(ch)
        h = (h * 0x100000001B3) % 2**64
    return h


def poly_hash(text, base=131, mod=2**61 - 1):
    h = 0
    for ch in text:
        h = (h * base + ord(ch)) % mod
    return h


def mix(h):
    # splitmix64's finaliser, on unbounded ints masked to 64 bits
    h = (h ^ (h >> 30)) * 0xBF58476D1CE4E5B9 & (2**64 - 1)
    h = (h ^ (h >> 27)) * 0x94D049BB133111EB & (2**64 - 1)
    return h ^ (h >> 31)


for word in ["thread", "process", "asyncio", "interleave"]:
    print(word, fnv1a_64(word), hex(poly_hash(word)), mix(poly_hash(word)))
state = 12345
seq = []
for _ in range(6):
    state = mix(state + 0x9E3779B97F4A7C15)
    seq.append(state % 1000)
print(seq)
