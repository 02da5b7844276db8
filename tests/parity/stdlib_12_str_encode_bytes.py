# str.encode() and the bytes it returns: indexing, slicing, repr, decode,
# hex, search and split methods, encoding errors
b = "naïve café ☕".encode()
print(b, len(b), b[0], b[1:4], b.decode(), b.hex(), [1])
print("abc".encode("ascii"), "é".encode("latin-1"), b == "naïve café ☕".encode(), b < "z".encode())
try: "é".encode("ascii")
except UnicodeEncodeError as e: print(e)
try: b[1:3].decode()
except UnicodeDecodeError as e: print(e)
x = "hello world".encode()
print(x.split(), x.upper(), x.replace("o".encode(), "0".encode()), x.find("wor".encode()), x.startswith("he".encode()), 104 in x, x * 2, x + "!".encode())
print(repr("it's".encode()), "a\n\t\x00'\"".encode(), hash(x) == hash("hello world".encode()), x.hex(":"), len({x, x}))
print(type(x).__name__, str(x), x.strip(), "  y ".encode().strip(), x.count("l".encode()), x.isascii())
