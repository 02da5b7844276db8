# str.join and str() of ints, built in one piece: lengths in characters, the
# ASCII flag, indexing and case of the result, and the first bad item.
print("-".join(["a", "bé", "c"]), "".join([]), ",".join(["x"]), "€".join("abc"))
print(len("ab".join(["x"] * 5)), "é".join(["é", "é"]).count("é"), len("é".join(["é", "é"])))
try:
    ",".join(["a", 1, "b"])
except TypeError as e:
    print("TypeError:", e)
print(" ".join(str(i) for i in range(5)), "".join(("q", "r")), "x".join({"k": 1}))
s = "ab".join(["αβ", "γ"])
print(s, len(s), s[2], s.upper(), s.isascii(), "-".join(["a", "b"]).isascii())
