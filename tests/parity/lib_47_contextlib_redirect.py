# contextlib.redirect_stdout into io.StringIO: capturing a report
import io
import sys
from contextlib import redirect_stdout


def print_report(rows):
    print("name      qty")
    for name, qty in rows:
        print(f"{name:<8}{qty:>5}")
    print("total", sum(q for _, q in rows))


rows = [("bolts", 120), ("nuts", 75), ("gears", 8)]
buffer = io.StringIO()
with redirect_stdout(buffer):
    print_report(rows)
    print("this line is captured too")
captured = buffer.getvalue()
print("captured", len(captured.splitlines()), "lines")
print(captured.upper(), end="")
print("stdout restored:", sys.stdout is sys.__stdout__)

log = io.StringIO()
with redirect_stdout(log):
    for i in range(3):
        print("step", i, end="; ")
print("log:", repr(log.getvalue()))

nested_outer, nested_inner = io.StringIO(), io.StringIO()
with redirect_stdout(nested_outer):
    print("outer 1")
    with redirect_stdout(nested_inner):
        print("inner")
    print("outer 2")
print(repr(nested_outer.getvalue()), repr(nested_inner.getvalue()))
out = io.StringIO()
print("direct", "to", "file", sep="-", file=out)
out.write("written\n")
print(out.getvalue(), end="")
