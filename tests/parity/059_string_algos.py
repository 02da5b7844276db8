# String algorithms: palindromes, anagrams, run-length encoding, etc.
def is_palindrome(s):
    cleaned = [c.lower() for c in s if c.isalnum()]
    return cleaned == cleaned[::-1]
for s in ["racecar", "A man, a plan, a canal: Panama", "hello", "", "ab", "No 'x' in Nixon"]:
    print(repr(s), is_palindrome(s))
def anagram_groups(words):
    groups = {}
    for w in words:
        groups.setdefault("".join(sorted(w)), []).append(w)
    return [g for g in groups.values() if len(g) > 1]
print(anagram_groups(["listen", "silent", "enlist", "google", "gooegl", "cat", "act", "dog"]))
def rle(s):
    if not s:
        return ""
    out, prev, n = [], s[0], 1
    for c in s[1:]:
        if c == prev:
            n += 1
        else:
            out.append(f"{n}{prev}")
            prev, n = c, 1
    out.append(f"{n}{prev}")
    return "".join(out)
def unrle(s):
    out, num = [], ""
    for c in s:
        if c.isdigit():
            num += c
        else:
            out.append(c * int(num))
            num = ""
    return "".join(out)
for s in ["aaabccddddd", "abc", "", "zzzzzzzzzzzz", "aabbaa"]:
    enc = rle(s)
    print(repr(s), "->", repr(enc), "->", unrle(enc) == s)
def longest_common_prefix(words):
    if not words:
        return ""
    prefix = words[0]
    for w in words[1:]:
        while not w.startswith(prefix):
            prefix = prefix[:-1]
    return prefix
print(repr(longest_common_prefix(["flower", "flow", "flight"])), repr(longest_common_prefix(["a", "b"])), repr(longest_common_prefix([])))
def vowel_count(s):
    return {v: s.lower().count(v) for v in "aeiou"}
print(vowel_count("Programming In Python Is Fun And Educational"))
def word_wrap(text, width):
    lines, cur = [], ""
    for word in text.split():
        if cur and len(cur) + 1 + len(word) > width:
            lines.append(cur)
            cur = word
        else:
            cur = cur + " " + word if cur else word
    return lines + [cur] if cur else lines
for line in word_wrap("the quick brown fox jumps over the lazy dog and keeps running far away", 16):
    print(f"|{line:<16}|")
print(" ".join(w[::-1] for w in "reverse each word here".split()), "title case".title().swapcase())
