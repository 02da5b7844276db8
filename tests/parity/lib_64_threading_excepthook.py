# threading.excepthook: reporting worker crashes with a custom hook
import threading

reports = []


def report_crash(args):
    reports.append(args.thread.name)
    print(f"hook: {args.thread.name} raised {args.exc_type.__name__}: {args.exc_value}")
    print(f"      traceback object present: {args.exc_traceback is not None}")


def parse_worker(text):
    value = int(text)
    print(f"{threading.current_thread().name} parsed {value}")


def exit_worker():
    raise SystemExit(3)


print("default hook installed:", threading.excepthook is threading.__excepthook__)
threading.excepthook = report_crash
for i, text in enumerate(["42", "forty-two", "7"]):
    t = threading.Thread(target=parse_worker, args=(text,), name=f"parser-{i}")
    t.start()
    t.join()
t = threading.Thread(target=exit_worker, name="exiter")
t.start()
t.join()
print("SystemExit reaches a custom hook too; reports:", reports)


def failing_lookup():
    {}["missing"]


def hook_that_rethrows_info(args):
    print(f"second hook: {type(args.exc_value).__name__} {args.exc_value!r} in {args.thread.name}")


threading.excepthook = hook_that_rethrows_info
t = threading.Thread(target=failing_lookup, name="lookup")
t.start()
t.join()
print("thread finished, alive:", t.is_alive())
threading.excepthook = threading.__excepthook__
print("restored:", threading.excepthook is threading.__excepthook__)
