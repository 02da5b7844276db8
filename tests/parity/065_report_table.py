# Realistic: student grade report with formatted table output
students = {
    "Alice": [92, 88, 95, 79],
    "Bob": [75, 64, 80, 70],
    "Charlie": [60, 58, 49, 72],
    "Dana": [100, 97, 99, 98],
    "Eli": [],
    "Fay": [85.5, 90, 77.25, 88],
}
def letter(avg):
    for cutoff, grade in ((90, "A"), (80, "B"), (70, "C"), (60, "D")):
        if avg >= cutoff:
            return grade
    return "F"
rows = []
for name, scores in students.items():
    if not scores:
        rows.append((name, 0, None, None, None, "N/A"))
        continue
    avg = sum(scores) / len(scores)
    rows.append((name, len(scores), min(scores), max(scores), avg, letter(avg)))
header = f"{'Name':<8}|{'N':>3}|{'Min':>7}|{'Max':>7}|{'Avg':>8}|{'Grade':^7}|"
print(header)
print("-" * len(header))
for name, n, lo, hi, avg, g in rows:
    if avg is None:
        print(f"{name:<8}|{n:>3}|{'-':>7}|{'-':>7}|{'-':>8}|{g:^7}|")
    else:
        print(f"{name:<8}|{n:>3}|{lo:>7}|{hi:>7}|{avg:>8.2f}|{g:^7}|")
print("=" * len(header))
graded = [r for r in rows if r[4] is not None]
class_avg = sum(r[4] for r in graded) / len(graded)
print(f"class average: {class_avg:.3f} ({letter(class_avg)})")
best = max(graded, key=lambda r: r[4])
worst = min(graded, key=lambda r: r[4])
print(f"best: {best[0]} ({best[4]:.1f}), worst: {worst[0]} ({worst[4]:.1f})")
dist = {}
for r in rows:
    dist[r[5]] = dist.get(r[5], 0) + 1
for g in "ABCDF":
    print(f"{g}: {'*' * dist.get(g, 0):<5} {dist.get(g, 0)}")
print("N/A:", dist.get("N/A", 0))
all_scores = sorted(s for sc in students.values() for s in sc)
n = len(all_scores)
median = all_scores[n // 2] if n % 2 else (all_scores[n // 2 - 1] + all_scores[n // 2]) / 2
print(f"{n} scores, median {median}, range {all_scores[0]}..{all_scores[-1]}")
above = [name for name, *_, avg, g in [(r[0], r[4], r[5]) for r in graded] if avg > class_avg]
print("above average:", above)
print("%-10s%6.1f%%" % ("pass rate", 100 * sum(1 for r in graded if r[5] != "F") / len(graded)))
