# str.split / str.rsplit with maxsplit, whitespace and separators;
# strip with non-ASCII text

samples = ["  a  b ", "a b c d", "   ", "", " one", "two ", "\ta\n\nb\x0bc\x0cd  ",
           "x  y  z  ", "  lead and trail  "]
for s in samples:
    for n in [-1, 0, 1, 2, 5]:
        print(repr(s), n, s.split(None, n), s.rsplit(None, n))
    print(repr(s), s.split(), s.rsplit())

print("  a  b ".split(maxsplit=1), "  a  b ".rsplit(maxsplit=1))
print("k=v=w".split("=", 1), "k=v=w".rsplit("=", 1))
print("a,,b,".split(","), "a,,b,".rsplit(",", 2))
print("a--b--c".split("--", 0), "a--b--c".rsplit("--", 1), "a--b--c".rsplit("--"))

# whitespace is a set of code points, not of bytes: the UTF-8 bytes of
# "Å" and "à" include 0x85 and 0xA0, which are whitespace as code points
words = "xÅy à\u00a0b c\u3000d\u2003e \u0085 f"
print(words.split())
print(words.split(None, 2))
print(words.rsplit(None, 2))
print(repr(" Å ".strip()), repr("\u00a0 à \u00a0".strip()), repr("\u3000x\u2003".lstrip()))
print(repr("éèé-x-èé".strip("é")), repr("éèé-x-èé".strip("èé")), repr("ñaña".rstrip("ña")))
print(repr("<<x>>".strip("<>")), repr("ab".strip("")), repr("  ab  ".rstrip(None)))

# a tokenizer built on split(None, 1)
line = "  command   arg one   two  "
head, rest = line.split(None, 1)
print(repr(head), repr(rest))
left, last = line.rsplit(None, 1)
print(repr(left), repr(last))
