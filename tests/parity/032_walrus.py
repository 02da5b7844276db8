# Walrus operator :=
data = [3, 8, 1, 9, 4, 12, 7]
if (n := len(data)) > 5:
    print(f"list is long ({n} elements)")
print(n)
big = [y for x in data if (y := x * 2) > 10]
print(big, y)
i = 0
while (chunk := data[i:i + 3]):
    print("chunk", chunk, sum(chunk))
    i += 3
values = []
total = 0
for x in data:
    if (total := total + x) > 20:
        values.append(total)
print(values, total)
text = "key1=val1;key2=val2;broken;key3="
for part in text.split(";"):
    if (eq := part.find("=")) != -1:
        print(repr(part[:eq]), "->", repr(part[eq + 1:]))
    else:
        print("no '=' in", repr(part))
print((z := 5) + z, z)
stack = [1, 2, 3]
while (top := stack.pop() if stack else None) is not None:
    print("popped", top)
print(top, stack)
def first_long(words, limit):
    for w in words:
        if (length := len(w)) > limit:
            return w, length
    return None, 0
print(first_long(["a", "abc", "abcdef"], 2), first_long([], 1))
counts = {}
for ch in "abracadabra":
    counts[ch] = (c := counts.get(ch, 0)) + 1
print(counts, c)
print([(a, b) for a in range(4) if (b := a * a) % 2 == 0])
