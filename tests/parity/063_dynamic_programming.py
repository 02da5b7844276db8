# Dynamic programming: LCS, edit distance, knapsack, coin change, LIS
def lcs(a, b):
    dp = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            dp[i][j] = dp[i - 1][j - 1] + 1 if a[i - 1] == b[j - 1] else max(dp[i - 1][j], dp[i][j - 1])
    out, i, j = [], len(a), len(b)
    while i and j:
        if a[i - 1] == b[j - 1]:
            out.append(a[i - 1])
            i, j = i - 1, j - 1
        elif dp[i - 1][j] >= dp[i][j - 1]:
            i -= 1
        else:
            j -= 1
    return dp[-1][-1], "".join(reversed(out))
def edit_distance(a, b):
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]
def knapsack(items, cap):
    best = [0] * (cap + 1)
    for w, v in items:
        for c in range(cap, w - 1, -1):
            best[c] = max(best[c], best[c - w] + v)
    return best[cap], best
def coin_change(coins, amount):
    INF = amount + 1
    dp = [0] + [INF] * amount
    for a in range(1, amount + 1):
        for c in coins:
            if c <= a and dp[a - c] + 1 < dp[a]:
                dp[a] = dp[a - c] + 1
    return dp[amount] if dp[amount] != INF else -1
def lis(seq):
    lengths = [1] * len(seq)
    for i in range(len(seq)):
        for j in range(i):
            if seq[j] < seq[i]:
                lengths[i] = max(lengths[i], lengths[j] + 1)
    return max(lengths, default=0), lengths
for a, b in [("ABCBDAB", "BDCABA"), ("kitten", "sitting"), ("", "abc"), ("same", "same")]:
    print(f"{a!r:>10} {b!r:<10} lcs={lcs(a, b)} edit={edit_distance(a, b)}")
val, table = knapsack([(2, 3), (3, 4), (4, 5), (5, 6)], 5)
print("knapsack:", val, table)
print("knapsack big:", knapsack([(w, w * w % 17 + 1) for w in range(1, 15)], 30)[0])
for coins, amt in [([1, 2, 5], 11), ([2], 3), ([1], 0), ([3, 7, 405, 436], 8839), ([186, 419, 83, 408], 6249)]:
    print("coins", coins, amt, "->", coin_change(coins, amt))
print(lis([10, 9, 2, 5, 3, 7, 101, 18]), lis([]), lis([5, 4, 3])[0])
paths = [[1] * 6 for _ in range(5)]
for r in range(1, 5):
    for c in range(1, 6):
        paths[r][c] = paths[r - 1][c] + paths[r][c - 1]
print("grid paths:", paths[-1], paths[4][5])
