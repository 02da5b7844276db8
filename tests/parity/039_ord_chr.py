# ord/chr, character arithmetic, Caesar cipher
print(ord("a"), ord("z"), ord("A"), ord("0"), ord(" "), ord("\n"), ord("~"))
print(chr(97), chr(90), chr(48), repr(chr(10)), repr(chr(9)), chr(126))
print(ord("é"), ord("✓"), ord("€"), chr(233), chr(10003), chr(8364))
print([ord(c) for c in "Hi!"], "".join(chr(c) for c in [80, 121, 116, 104, 111, 110]))
def caesar(text, shift):
    out = []
    for ch in text:
        if "a" <= ch <= "z":
            out.append(chr((ord(ch) - ord("a") + shift) % 26 + ord("a")))
        elif "A" <= ch <= "Z":
            out.append(chr((ord(ch) - ord("A") + shift) % 26 + ord("A")))
        else:
            out.append(ch)
    return "".join(out)
msg = "Hello, World! xyz ABC"
enc = caesar(msg, 3)
print(enc)
print(caesar(enc, -3))
print(caesar(msg, 13), caesar(caesar(msg, 13), 13) == msg)
print(caesar("abc", 52), caesar("abc", -1))
alphabet = "".join(chr(i) for i in range(ord("a"), ord("z") + 1))
print(alphabet, len(alphabet))
print(alphabet.upper()[::2])
def checksum(s):
    total = 0
    for i, ch in enumerate(s):
        total = (total * 31 + ord(ch) * (i + 1)) % 1000003
    return total
for w in ["", "a", "abc", "hello world", "é✓"]:
    print(repr(w), checksum(w))
print(chr(ord("a") + 1), chr(ord("A") ^ 32), chr(ord("q") - 32))
try:
    ord("ab")
except TypeError as e:
    print(type(e).__name__, e)
try:
    ord("")
except TypeError as e:
    print(type(e).__name__, e)
try:
    chr(-1)
except ValueError as e:
    print(type(e).__name__, e)
print(sorted("Banana"), sorted("Banana", key=lambda c: c.lower()))
print(max("hello world"), min("hello world".replace(" ", "")))
