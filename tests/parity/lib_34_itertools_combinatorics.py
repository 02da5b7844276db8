# itertools combinatorics: product, permutations, combinations (+ with replacement)
from itertools import product, permutations, combinations, combinations_with_replacement

sizes = ["S", "M"]
colors = ["red", "blue", "green"]
print("variants:", [f"{s}-{c}" for s, c in product(sizes, colors)])
print("dice sums of 7:", [d for d in product(range(1, 7), repeat=2) if sum(d) == 7])
print("bits:", ["".join(b) for b in product("01", repeat=3)])
print("len product 4x3x2:", len(list(product(range(4), range(3), range(2)))))

print("permutations abc:", ["".join(p) for p in permutations("abc")])
print("2-perms:", list(permutations([1, 2, 3], 2)))
print("count 5P3:", sum(1 for _ in permutations(range(5), 3)))

team = ["ana", "ben", "cy", "dee"]
print("pairs:", list(combinations(team, 2)))
print("triples:", len(list(combinations(team, 3))))
print("coins:", list(combinations_with_replacement([1, 5, 10], 2)))
print("cwr count:", sum(1 for _ in combinations_with_replacement(range(4), 3)))

items = [("tent", 5, 60), ("stove", 2, 30), ("rope", 1, 10), ("lamp", 3, 40), ("food", 4, 50)]
best = max(
    (combo for r in range(len(items) + 1) for combo in combinations(items, r)
     if sum(w for _, w, _ in combo) <= 8),
    key=lambda combo: sum(v for _, _, v in combo),
)
print("knapsack:", [name for name, _, _ in best], sum(v for _, _, v in best))


def solve_sum(numbers, target):
    return [c for r in range(1, len(numbers) + 1) for c in combinations(numbers, r) if sum(c) == target]


print("subsets summing to 10:", solve_sum([2, 3, 5, 7, 8], 10))
print("empty cases:", list(permutations([], 0)), list(combinations([1, 2], 3)), list(product()))
