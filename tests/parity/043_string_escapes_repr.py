# String escapes and repr
print(repr("plain"), repr("it's"), repr('He said "hi"'), repr("both ' and \""))
print(repr("line\nbreak"), repr("tab\there"), repr("back\\slash"), repr("cr\rret"))
print(repr("\x00\x01\x1f\x7f"), repr("bell\a"), repr("\x0b\x0c"))
print(repr("é"), repr("café"), repr("✓ done"), repr("€100"), repr("日本"))
print(repr("\u00e9"), "\u00e9" == "é", len("\u2713"), "\u2713")
print("line\nbreak")
print("tab\there")
print("back\\slash", "quote\"s", 'single\'s')
print(r"raw\nstring", len(r"\n"), len("\n"))
print(["a\nb", "c'd", 'e"f', "\t"])
print({"key\n": "val\t"}, ("\\",))
print(str("a\nb").count("\n"), "a\\nb".count("\\"))
s = """triple
quoted 'with' "quotes"
end"""
print(s)
print(repr(s))
t = '''single triple \' '''
print(repr(t))
print("unicode: ñ ü ß α β γ → ★")
print(repr("ñü"), repr("\u2713\u00e9"))
print(len("ñü"), "ñ".upper(), "ß".lower(), "ÀÉÎ".lower())
print("\x41\x42\x43", "\u0041", "\x7e")
print(repr(""), repr(" "), repr("'"), repr('"'), repr("'\""))
esc = "a\tb\nc\\d'e\"f"
print(esc)
print(repr(esc), len(esc))
print(f"{esc!r}", "%r" % esc, "{!r}".format(esc))
print([c for c in "a\tb"], [repr(c) for c in "\n\\"])
