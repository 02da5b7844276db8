# ExceptionGroup and except*: validating a batch of records at once
def validate(record):
    problems = []
    if not record.get("name"):
        problems.append(ValueError(f"record {record['id']}: missing name"))
    if not isinstance(record.get("age"), int):
        problems.append(TypeError(f"record {record['id']}: age must be int"))
    elif record["age"] < 0:
        problems.append(ValueError(f"record {record['id']}: negative age"))
    if problems:
        raise ExceptionGroup(f"record {record['id']} invalid", problems)


records = [{"id": 1, "name": "ann", "age": 30}, {"id": 2, "name": "", "age": "x"},
           {"id": 3, "name": "cy", "age": -4}, {"id": 4, "name": "", "age": 9}]
failures = []
for r in records:
    try:
        validate(r)
        print(f"record {r['id']} ok")
    except ExceptionGroup as eg:
        failures.append(eg)
batch = ExceptionGroup("batch failed", failures)
print(batch)
print(repr(batch.exceptions[0]))
values, rest = batch.split(ValueError)
print("split values:", [str(e) for g in values.exceptions for e in g.exceptions])
print("split rest:", [str(e) for g in rest.exceptions for e in g.exceptions])
types_only = batch.subgroup(TypeError)
print("subgroup:", types_only.message, len(types_only.exceptions))
print("subgroup none:", batch.subgroup(KeyError))
by_pred = batch.subgroup(lambda e: "negative" in str(e))
print("predicate:", [str(e) for g in by_pred.exceptions for e in g.exceptions])

try:
    raise batch
except* ValueError as group:
    print("handled ValueErrors:", len(group.exceptions), type(group).__name__)
except* TypeError as group:
    print("handled TypeErrors:", [str(e) for g in group.exceptions for e in g.exceptions])

try:
    try:
        raise ExceptionGroup("mixed", [KeyError("k"), ValueError("v")])
    except* ValueError:
        print("only the ValueError was handled here")
except ExceptionGroup as leftover:
    print("leftover:", repr(leftover))

try:
    raise ValueError("plain")
except* ValueError as group:
    print("naked exception wrapped:", repr(group))
try:
    ExceptionGroup("bad", [])
except ValueError as e:
    print("ValueError:", e)
print(isinstance(ExceptionGroup("g", [KeyError()]), Exception), BaseExceptionGroup("g", [KeyboardInterrupt()]).__class__.__name__)
