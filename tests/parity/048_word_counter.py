# Realistic: word frequency counter over a hard-coded text
TEXT = """It was the best of times, it was the worst of times, it was the age of
wisdom, it was the age of foolishness, it was the epoch of belief, it was the
epoch of incredulity, it was the season of Light, it was the season of Darkness,
it was the spring of hope, it was the winter of despair, we had everything
before us, we had nothing before us, we were all going direct to Heaven, we
were all going direct the other way."""
def normalize(word):
    return "".join(ch for ch in word.lower() if ch.isalpha())
words = [w for w in (normalize(t) for t in TEXT.split()) if w]
print("total words:", len(words))
print("unique words:", len(set(words)))
counts = {}
for w in words:
    counts[w] = counts.get(w, 0) + 1
top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
print("top 10:")
for rank, (word, n) in enumerate(top[:10], 1):
    bar = "#" * n
    print(f"{rank:>2}. {word:<12}{n:>3} {bar}")
singles = sorted(w for w, n in counts.items() if n == 1)
print("hapax legomena:", len(singles))
print(", ".join(singles))
by_len = {}
for w in counts:
    by_len.setdefault(len(w), []).append(w)
for length in sorted(by_len):
    print(length, sorted(by_len[length]))
letters = {}
for ch in TEXT.lower():
    if ch.isalpha():
        letters[ch] = letters.get(ch, 0) + 1
common = sorted(letters, key=lambda c: (-letters[c], c))[:5]
print("most common letters:", [(c, letters[c]) for c in common])
lines = TEXT.split("\n")
for i, line in enumerate(lines, 1):
    print(f"line {i}: {len(line):>3} chars, {len(line.split()):>2} words, commas={line.count(',')}")
avg = sum(len(w) for w in words) / len(words)
print(f"average word length: {avg:.3f}")
longest = max(words, key=len)
print("longest word:", longest, len(longest))
print("first/last:", words[0], words[-1])
print("was/of ratio:", round(counts["was"] / counts["of"], 4))
