# An OSError built the way the os module builds them: errno, text, filename
errors = [BlockingIOError(11, "Resource temporarily unavailable"),
          FileNotFoundError(2, "No such file or directory"),
          PermissionError(13, "Permission denied", None),
          ConnectionResetError(104, "Connection reset by peer"),
          OSError("plain message"), TimeoutError()]
for e in errors:
    print(type(e).__name__, "|", e, "|", e.errno, e.strerror, e.filename, "|", e.args)
try:
    raise ConnectionRefusedError(111, "Connection refused")
except OSError as e:
    print(f"worker failed: {e} (errno {e.errno})")
