# Handlers, formatters, filters, propagate and '{' style formats on one logger tree
import logging
import sys


class ListHandler(logging.Handler):
    def __init__(self):
        super().__init__()
        self.records = []

    def emit(self, record):
        self.records.append(self.format(record))


class OnlyUser(logging.Filter):
    def filter(self, record):
        return getattr(record, "user", None) == "alice"


root_out = logging.StreamHandler(sys.stdout)
root_out.setFormatter(logging.Formatter("root saw {levelname} from {name}: {message}", style="{"))
logging.getLogger().addHandler(root_out)
logging.getLogger().setLevel(logging.DEBUG)

audit = logging.getLogger("audit")
collector = ListHandler()
collector.setFormatter(logging.Formatter("%(levelname).1s|%(user)s|%(message)s"))
collector.addFilter(OnlyUser())
audit.addHandler(collector)

audit.info("login", extra={"user": "alice"})
audit.info("login", extra={"user": "bob"})
audit.warning("password change", extra={"user": "alice"})
audit.propagate = False
audit.error("after propagate off", extra={"user": "alice"})
print("collected:", collector.records)

quiet = logging.getLogger("quiet")
quiet.addHandler(logging.NullHandler())
quiet.propagate = False
quiet.error("nobody hears this")

class RequestAdapter(logging.LoggerAdapter):
    def process(self, msg, kwargs):
        return f"[{self.extra['request']}] {msg}", kwargs


adapter = RequestAdapter(logging.getLogger("svc"), {"request": "r-17"})
adapter.info("handled in %d ms", 12)

level_handler = logging.StreamHandler(sys.stdout)
level_handler.setLevel(logging.ERROR)
level_handler.setFormatter(logging.Formatter("ONLY ERRORS: %(message)s (line %(lineno)d in %(funcName)s)"))
jobs = logging.getLogger("jobs")
jobs.addHandler(level_handler)


def run_job():
    jobs.info("job info")
    jobs.error("job failed")


run_job()
print("jobs handlers:", [type(h).__name__ for h in jobs.handlers])
