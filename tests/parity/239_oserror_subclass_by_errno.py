# OSError(errno, ...) becomes the subclass its errno names, as the os module raises them
errors = [OSError(11, "Resource temporarily unavailable"),
          OSError(2, "No such file or directory", "config.ini"),
          FileNotFoundError(2, "No such file or directory", "data.csv"),
          OSError(13, "Permission denied"), OSError(999, "odd"), OSError(2, "x", "f", None, "g"),
          OSError("just text"), OSError(2)]
for e in errors:
    print(type(e).__name__, "|", e, "|", repr(e), "|", e.args, e.errno, e.filename)
try:
    open_failed = OSError(2, "No such file or directory", "settings.toml")
    raise open_failed
except FileNotFoundError as e:
    print("caught as FileNotFoundError:", e)
class MyErr(OSError):
    pass
print(type(MyErr(2, "x")).__name__)
for e in (OSError('a','b'), OSError(True,'b'), OSError(None, 'x'), OSError(2.5, 'y', 'f')):
    print(e, repr(e), e.errno, e.args, type(e).__name__)
