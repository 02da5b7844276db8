# int <-> str with long strings, bases, hex/oct/bin, formatting with separators
digits = "1234567890" * 8
n = int(digits)
print("parsed:", n)
print("round trip:", str(n) == digits)
print("len:", len(str(n)))
print("neg:", int("-" + "9" * 40))
print("with underscores:", int("1_000_000_000_000_000_000_000"))
print("spaces:", int("  00042  "))
print("plus:", int("+123456789012345678901234567890"))

big = 2**100
print("hex:", hex(big))
print("oct:", oct(big))
print("bin length:", len(bin(big)))
print("hex neg:", hex(-(2**70) - 1))
print("from hex:", int("ffffffffffffffffffffffff", 16))
print("from hex prefix:", int("0xDEADBEEFDEADBEEFDEADBEEF", 0))
print("from bin:", int("1" * 70, 2))
print("base 36:", int("pythonrocksforever", 36))
print("format ,:", f"{big:,}")
print("format _:", f"{big:_}")
print("format x:", f"{big:x}", f"{big:#X}")
print("format width:", f"{12345678901234567890:>30}|")
print("format sign:", f"{-(10**25):+}", f"{10**25:+}")
print("repr:", repr(10**22))
for bad in ["12a", "", "1__0", "0x10"]:
    try:
        int(bad)
    except ValueError as e:
        print("ValueError:", e)
print("bool of big:", bool(2**80), bool(2**80 - 2**80))
print("str of sum:", str(sum(10**k for k in range(30))))
