# sorted with key/reverse, stability, min/max with key
people = [("alice", 30, 55000), ("bob", 25, 48000), ("carol", 35, 72000),
          ("dave", 30, 61000), ("eve", 25, 48000), ("frank", 40, 55000)]
print(sorted(people))
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: p[2], reverse=True))
print(sorted(people, key=lambda p: (p[1], -p[2])))
print(sorted(people, key=lambda p: (-p[1], p[0])))
print([p[0] for p in sorted(people, key=lambda p: len(p[0]))])
print(min(people, key=lambda p: p[2]), max(people, key=lambda p: p[1]))
print(max(people, key=lambda p: p[2])[0], min(people, key=lambda p: (p[2], p[0]))[0])
words = ["banana", "Apple", "cherry", "apple", "Banana", "date"]
print(sorted(words))
print(sorted(words, key=lambda w: w.lower()))
print(sorted(words, key=lambda w: (w.lower(), w)))
print(sorted(words, key=len, reverse=True))
print(sorted(set(w.lower() for w in words)))
nums = [5, -3, 2, -8, 0, 7, -1]
print(sorted(nums), sorted(nums, reverse=True), sorted(nums, key=abs))
print(sorted(nums, key=lambda n: (n % 2, n)))
print(max(nums, key=abs), min(nums, key=abs), max(nums, key=lambda n: -n))
nums.sort(key=lambda n: n * n)
print(nums)
nums.sort()
print(nums)
print(sorted([]), sorted(""), sorted({3: "c", 1: "a"}), sorted((2.5, 1, 1.5)))
print(sorted("hello world".split(), key=lambda s: s[-1]))
data = {"x": 3, "y": 1, "z": 2}
print(sorted(data, key=data.get), sorted(data.items(), key=lambda kv: -kv[1]))
print(sorted([[2, "b"], [1, "b"], [2, "a"]], key=lambda x: x[1]))
print(sorted([True, False, True, 0, 1]))
try:
    sorted([None, None])
except TypeError as e:
    print(type(e).__name__, e)
matrix = [[3, 1, 2], [9, 8, 7], [4, 6, 5]]
print(sorted(matrix, key=sum), sorted(matrix, key=lambda r: r[2]), [sorted(r) for r in matrix])
