# list, dict, set comprehensions and generator expressions
squares = [x * x for x in range(10)]
print(squares)
evens = [x for x in range(20) if x % 2 == 0]
print(evens)
pairs = [(x, y) for x in range(3) for y in range(3) if x != y]
print(pairs)
print([[i * j for j in range(1, 4)] for i in range(1, 4)])
flat = [v for row in [[1, 2], [3], [], [4, 5, 6]] for v in row]
print(flat)
print([s.upper() for s in ["a", "bc", ""]])
print(["even" if n % 2 == 0 else "odd" for n in range(5)])
print({k: v for k, v in zip("abc", [1, 2, 3])})
print({n: n ** 2 for n in range(5) if n != 2})
print({word: len(word) for word in "one three five".split()})
print({x % 5 for x in range(20)})
print({abs(x) for x in [-3, -2, -1, 0, 1, 2, 3]})
print(sum(x * x for x in range(10)))
print(any(x > 8 for x in range(10)), any(x > 9 for x in range(10)))
print(all(x >= 0 for x in range(10)), all(x > 0 for x in range(10)))
print(all([]), any([]), all(x for x in []))
print(max(len(w) for w in ["hi", "hello", "hey"]))
print(min((x - 5) ** 2 for x in range(10)))
print(list(x for x in "abc"), tuple(x * 2 for x in (1, 2)))
print(sorted((x % 3, x) for x in range(6)))
print(", ".join(str(i) for i in range(5)))
gen = (i * 10 for i in range(3))
print(list(gen), list(gen))
x = 100
print([x for x in range(3)], x)
inverted = {v: k for k, v in {"a": 1, "b": 2}.items()}
print(inverted)
matrix = [[1, 2, 3], [4, 5, 6]]
print([[row[i] for row in matrix] for i in range(3)])
print([c for c in "Hello World" if c.isupper()])
print(sum(1 for c in "banana" if c == "a"))
print([(i, c) for i, c in enumerate("xyz")])
print([n for n in range(2, 30) if all(n % d for d in range(2, n))])
print({i: [j for j in range(i)] for i in range(4)})
print([[] for _ in range(3)], [0 for _ in []])
nested = [[x, [y for y in range(x)]] for x in range(3)]
print(nested)
