# expect-stderr: Traceback (most recent call last):
# expect-stderr: line 8, in parse_all
# expect-stderr: ValueError: invalid literal for int() with base 10: 'abc'
# expect-exit: 1
def parse_all(texts):
    out = []
    for t in texts:
        out.append(int(t))
    return out

print(parse_all(["1", "2"]))
print(parse_all(["3", "abc"]))
