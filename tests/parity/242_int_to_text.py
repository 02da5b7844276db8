# Ints as text: str(), repr(), f-strings and lists at the int64 ends and past them
for v in (0, 7, -7, 10, -10, 99, 100, 123456789, -9223372036854775807 - 1, 9223372036854775807, 2**63, -2**63 - 1):
    print(v, str(v), repr(v), f'{v}', f'{v}!', [v], len(str(v)))
