# Realistic: parse CSV-like text, validate rows, aggregate and report
RAW = """date,region,product,units,unit_price
2024-01-03,north,apple,10,0.50
2024-01-03,south,banana,25,0.25
2024-01-04,north,cherry,3,4.00
2024-01-04,east,apple,,0.50
2024-01-05,south,apple,8,0.55
2024-01-05,west,banana,-2,0.25
2024-01-06,north,banana,40,0.20
2024-02-01,east,cherry,5,3.75
bad line without enough fields
2024-02-02,south,cherry,2,abc
2024-02-03,north,apple,12,0.45"""
lines = RAW.strip().split("\n")
header = lines[0].split(",")
print("columns:", header)
rows, errors = [], []
for lineno, line in enumerate(lines[1:], start=2):
    fields = line.split(",")
    if len(fields) != len(header):
        errors.append((lineno, f"expected {len(header)} fields, got {len(fields)}"))
        continue
    rec = dict(zip(header, fields))
    try:
        rec["units"] = int(rec["units"])
        rec["unit_price"] = float(rec["unit_price"])
        if rec["units"] < 0:
            raise ValueError(f"negative units {rec['units']}")
    except ValueError as e:
        errors.append((lineno, str(e)))
        continue
    rec["total"] = round(rec["units"] * rec["unit_price"], 2)
    rows.append(rec)
print(f"{len(rows)} valid rows, {len(errors)} errors")
for lineno, msg in errors:
    print(f"  line {lineno}: {msg}")
by_product, by_month, by_region = {}, {}, {}
for r in rows:
    by_product.setdefault(r["product"], [0, 0.0])
    by_product[r["product"]][0] += r["units"]
    by_product[r["product"]][1] += r["total"]
    month = r["date"][:7]
    by_month[month] = round(by_month.get(month, 0) + r["total"], 2)
    by_region.setdefault(r["region"], set()).add(r["product"] == "apple" and 1 or 2)
print(f"{'product':<8}{'units':>6}{'revenue':>9}{'avg':>7}")
for p, (u, t) in sorted(by_product.items(), key=lambda kv: -kv[1][1]):
    print(f"{p:<8}{u:>6}{t:>9.2f}{t / u:>7.3f}")
print(by_month, {k: sorted(v) for k, v in by_region.items()})
best = max(rows, key=lambda r: r["total"])
print("best sale:", best["date"], best["region"], best["product"], best["total"])
print("grand total:", f"{sum(r['total'] for r in rows):.2f}", "units:", sum(r["units"] for r in rows))
