# any/all and hasattr/getattr/setattr
nums = [2, 4, 6, 8]
print(all(n % 2 == 0 for n in nums), any(n > 7 for n in nums), any(n > 8 for n in nums))
print(all([]), any([]), all([0]), any([0, 0, 1]), all(["a", "b"]), all(["a", ""]))
print(any(x is None for x in [1, None]), all(isinstance(x, int) for x in [1, True, 2]))
def noisy(v):
    print("  check", v)
    return v
print(any(noisy(v) for v in [0, 0, 3, 0]))
print(all(noisy(v) for v in [1, 2, 0, 4]))
grid = [[1, 2], [3, 0], [5, 6]]
print(all(all(row) for row in grid), any(all(row) for row in grid))
print([i for i, row in enumerate(grid) if not all(row)])
class Config:
    debug = False
    def __init__(self):
        self.level = 3
cfg = Config()
for attr in ["debug", "level", "missing", "__init__"]:
    print(attr, hasattr(cfg, attr), getattr(cfg, attr, "n/a") if attr != "__init__" else "method")
setattr(cfg, "debug", True)
setattr(cfg, "name", "prod")
print(cfg.debug, Config.debug, cfg.name, getattr(cfg, "name"))
for key, value in {"retries": 5, "timeout": 2.5, "level": 9}.items():
    setattr(cfg, key, value)
print(cfg.retries, cfg.timeout, cfg.level)
fields = ["level", "retries", "timeout", "name"]
print([getattr(cfg, f) for f in fields])
print(getattr(cfg, "nope", None), getattr("text", "upper")())
try:
    getattr(cfg, "nope")
except AttributeError as e:
    print(type(e).__name__, e)
setattr(Config, "shared", [1])
other = Config()
print(other.shared, hasattr(other, "retries"))
print(hasattr("s", "upper"), hasattr([], "append"), hasattr(None, "x"))
