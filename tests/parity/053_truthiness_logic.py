# Truthiness and boolean operators (short-circuit, return values)
values = [0, 1, -1, 0.0, 0.5, "", "a", " ", [], [0], (), (None,), {}, {"": 0}, set(), None, True, False, range(0)]
for v in values:
    print(repr(v), bool(v), "truthy" if v else "falsy")
print(1 and 2, 0 and 2, 1 or 2, 0 or 2, None or "default", "" or 0, [] or {})
print("a" and "b" and "c", "a" and "" and "c", "" or [] or 0 or "last")
print(not 0, not 5, not None, not [0], not not "x")
def t(label, v):
    print(f"  eval {label}")
    return v
print(t("A", 0) and t("B", 1))
print(t("A", 1) and t("B", 0) and t("C", 1))
print(t("A", 0) or t("B", "") or t("C", "found"))
print(t("A", "first") or t("B", "never"))
x = None
name = x or "anonymous"
print(name)
items = []
print(items and items[0], (items or [42])[0])
print(True + True, True * 10, False - 1, sum([True] * 5), True / 2)
print(True == 1, False == 0, True is True, (1 == 1) is True, True > False)
print(int(True), str(True), repr(False), f"{True}", "%s" % False, [True, False])
print(bool("False"), bool("0"), bool(0.0 + 0.0), bool(-0.0))
print(3 and [] or "fallback", (3 and []) or "fallback", 3 and ([] or "fallback"))
print(all([True, 1, "x"]), any([False, 0, ""]), not all([]))
flags = {"a": True, "b": False}
print([k for k, v in flags.items() if v], [k for k, v in flags.items() if not v])
print(None == False, None is None, None != 0, [] == False)
print(1 if "" else 2 if None else 3 if [] else 4)
