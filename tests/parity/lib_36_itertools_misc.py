# chain, zip_longest, tee, pairwise, compress, filterfalse: merging sensor feeds
from itertools import chain, zip_longest, tee, pairwise, compress, filterfalse

morning = [12.1, 12.4, 13.0]
noon = [17.5, 18.2]
evening = [15.0, 13.9, 12.7, 11.8]
print("chain:", list(chain(morning, noon, evening)))
print("from_iterable:", list(chain.from_iterable([morning, noon, evening])))
print("flatten words:", "".join(chain.from_iterable(["ab", "cd", "e"])))

for m, n, e in zip_longest(morning, noon, evening, fillvalue="-"):
    print(f"{m!s:>5} {n!s:>5} {e!s:>5}")
print("zip_longest default:", list(zip_longest("ab", "xyz")))

readings = chain(morning, noon, evening)
a, b = tee(readings)
print("max:", max(a), "count:", sum(1 for _ in b))
first, second, third = tee(range(4), 3)
print("tee x3:", list(first), list(second), list(third))

print("pairwise:", list(pairwise([1, 4, 9, 16])))
changes = [round(b - a, 1) for a, b in pairwise(chain(morning, noon, evening))]
print("changes:", changes)
print("pairwise short:", list(pairwise([1])), list(pairwise("abc")))

days = ["mon", "tue", "wed", "thu", "fri"]
open_flags = [1, 0, 1, 1, 0]
print("compress:", list(compress(days, open_flags)))
print("compress short selectors:", list(compress("abcdef", [1, 0, 1])))
print("filterfalse:", list(filterfalse(lambda t: t > 13, chain(morning, noon, evening))))
print("filterfalse None:", list(filterfalse(None, [0, 1, "", "x", None, [], [0]])))
print("filter None:", list(filter(None, [0, 1, "", "x", None, [], [0]])))
