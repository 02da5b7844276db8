# Advanced dict usage: grouping, inverting, merging, nested updates
records = [
    {"name": "ann", "dept": "eng", "salary": 120, "skills": ["py", "go"]},
    {"name": "bob", "dept": "ops", "salary": 90, "skills": ["bash"]},
    {"name": "cy", "dept": "eng", "salary": 105, "skills": ["py", "rust", "c"]},
    {"name": "di", "dept": "sales", "salary": 80, "skills": []},
    {"name": "ed", "dept": "ops", "salary": 95, "skills": ["py", "bash"]},
]
by_dept = {}
for r in records:
    by_dept.setdefault(r["dept"], []).append(r["name"])
print(by_dept)
payroll = {}
for r in records:
    payroll[r["dept"]] = payroll.get(r["dept"], 0) + r["salary"]
print(payroll, max(payroll, key=payroll.get), sum(payroll.values()))
skill_index = {}
for r in records:
    for s in r["skills"]:
        skill_index.setdefault(s, []).append(r["name"])
print(dict(sorted(skill_index.items())))
print({s: len(n) for s, n in skill_index.items() if len(n) > 1})
avg = {d: payroll[d] / len(names) for d, names in by_dept.items()}
print({d: round(v, 2) for d, v in avg.items()})
inverted = {}
for d, names in by_dept.items():
    for n in names:
        inverted[n] = d
print(inverted)
defaults = {"color": "blue", "size": "M", "tags": []}
custom = {"size": "L", "extra": True}
merged = {**defaults, **custom}
print(merged, defaults | custom == merged)
d = dict(a=1)
d |= {"b": 2}
print(d)
def deep_update(base, upd):
    for k, v in upd.items():
        if isinstance(v, dict) and isinstance(base.get(k), dict):
            deep_update(base[k], v)
        else:
            base[k] = v
    return base
cfg = {"db": {"host": "localhost", "port": 5432, "opts": {"ssl": False}}, "debug": False}
print(deep_update(cfg, {"db": {"port": 6543, "opts": {"ssl": True, "timeout": 3}}, "debug": True}))
keys = list(cfg)
cfg["new"] = 1
del cfg["debug"]
cfg["debug"] = "re-added"
print(keys, list(cfg))
print(list(cfg.items())[0][0], len(cfg["db"]), "port" in cfg["db"], "ssl" in cfg["db"])
for k in list(payroll):
    payroll[k + "!"] = len(k)
print(sorted(payroll.items(), key=lambda kv: (-kv[1], kv[0])))
