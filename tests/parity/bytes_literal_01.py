# b'' literals: escapes, raw bytes, concatenation, and what bytes can do with them
header = b"GET /index.html HTTP/1.1\r\n"
print(header, len(header))
print(b"\x00\x7f\x80\xff", list(b"\x00\x7f\x80\xff"))
print(b"tab\there", b'quote\'s', b"back\\slash", rb"raw\n", Rb"\x41")
print(b"\101\102\103", b"\0", b"\777"[0] if False else b"\377")
print(b"\u00e9 stays", len(b"\u00e9"))
print(b"multi" b"part" b"""triple
quoted""")
print(b"abc" == "abc".encode(), b"abc" < b"abd", b"b" in b"abc", b"ab" + b"cd", b"-" * 3)
print(b"hello world".split(), b"  pad ".strip(), b"x,y".split(b","), b"abc".upper())
print(b"caf\xc3\xa9".decode("utf-8"), b"abc".hex(), b"abc"[1], b"abcdef"[1:4])
seen = {b"key": 1, b"other": 2}
print(seen[b"key"], sorted(seen), b"" == b"", bool(b""), hash(b"x") == hash(b"x"))
for chunk in [b"ab", b"cd"]:
    print(chunk, end=" ")
print()
