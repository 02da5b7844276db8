# Hand-written sorting and searching algorithms
def bubble(a):
    a = a[:]
    swaps = 0
    for i in range(len(a)):
        for j in range(len(a) - 1 - i):
            if a[j] > a[j + 1]:
                a[j], a[j + 1] = a[j + 1], a[j]
                swaps += 1
    return a, swaps
def insertion(a):
    a = a[:]
    for i in range(1, len(a)):
        key, j = a[i], i - 1
        while j >= 0 and a[j] > key:
            a[j + 1] = a[j]
            j -= 1
        a[j + 1] = key
    return a
def merge_sort(a):
    if len(a) <= 1:
        return a
    mid = len(a) // 2
    left, right = merge_sort(a[:mid]), merge_sort(a[mid:])
    out, i, j = [], 0, 0
    while i < len(left) and j < len(right):
        if left[i] <= right[j]:
            out.append(left[i])
            i += 1
        else:
            out.append(right[j])
            j += 1
    return out + left[i:] + right[j:]
def quick(a):
    if len(a) <= 1:
        return a
    pivot, rest = a[0], a[1:]
    return quick([x for x in rest if x < pivot]) + [pivot] + quick([x for x in rest if x >= pivot])
def bsearch(a, t):
    lo, hi = 0, len(a) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        if a[mid] == t:
            return mid
        lo, hi = (mid + 1, hi) if a[mid] < t else (lo, mid - 1)
    return -(lo + 1)
seed = 7
data = []
for _ in range(25):
    seed = (seed * 48271) % 2147483647
    data.append(seed % 100 - 50)
print("data:", data)
for name, fn in [("bubble", lambda a: bubble(a)[0]), ("insertion", insertion), ("merge", merge_sort), ("quick", quick)]:
    res = fn(data)
    print(f"{name:>9}: {res == sorted(data)} {res[:6]}...{res[-3:]}")
print("swaps:", bubble(data)[1], bubble(sorted(data))[1], bubble([])[0], merge_sort([]), quick([1]))
s = sorted(data)
print([bsearch(s, t) for t in (s[0], s[-1], s[12], 1000, -1000, 0)])
print(merge_sort(["pear", "fig", "apple", "kiwi"]), quick([2.5, -1.0, 2.5, 0.0]))
