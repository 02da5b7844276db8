# Big ints in every text form: str/repr, hex/oct/bin, format specs,
# %-formatting, str.format and f-strings
n = 2**100 + 12345
m = -(3**70)
print(n, repr(m), str(m), [n, m], (n,), {n: m})
print(hex(n), oct(n), bin(n)[:20], hex(m), oct(m), bin(-(2**65)))
for spec in ["d", "n", ",", "_", "x", "X", "#x", "#X", "o", "#o", "b", "_b", "#_x",
             ">50", "<50", "^50", "=+50", "+", " ", "-", "050", "0=50", "*^60,", "050_",
             "e", ".3e", "E", "f", ".2f", "g", ".10g", "%", ".1%"]:
    print(f"{spec!r:>8}", f"[{format(n, spec)}]", f"[{format(m, spec)}]")
print("%d|%i|%u|%x|%X|%o" % (n, m, n, n, m, n))
print("%40d|%-40d|%+d|% d|%040d" % (n, n, n, n, m))
print("%#x|%#o|%.40d|%45.40d" % (m, n, n, m))
print("%e|%.3f|%g|%s|%r" % (n, m, n, n, m))
print("{} {:,} {:>45_} {:#b}".format(n, m, n, 2**70))
print("{0:x} {0:X} {1:o} {n:e}".format(n, m, n=n))
width = 48
print(f"{n:{width}}|{m:<{width},}|{n:^{width}x}")
print(f"{n=}", f"{m!r}", f"{m!s:>45}")
total = sum(10**k for k in range(40))
print("".join(reversed(str(total))) == str(total), len(str(total)), str(total).count("1"))
print(int(str(n)) == n, int(hex(n), 16) == n, int(oct(m), 8) == m, int(bin(m), 0) == m)
print(int("  -" + "9" * 50 + "  "), int("+0x" + "f" * 30, 16), int("0o_777", 0), int("z" * 20, 36))
print(int("1_000_000_000_000_000_000_000_000"), int("0b1010" * 1, 0), int("10" * 40, 2))
