# expect-stderr: loggers with no handlers configured: the last-resort handler
import logging

log = logging.getLogger("service")
print("root handlers before:", len(logging.getLogger().handlers))
log.info("info is below WARNING: dropped")
log.warning("last resort prints only the message")
log.error("errors %s too", "print")
print("root handlers still:", len(logging.getLogger().handlers))
logging.warning("module-level call configures the root logger")
print("root handlers after:", len(logging.getLogger().handlers))
log.warning("now through the root handler")
logging.basicConfig(format="ignored: %(message)s")
log.error("basicConfig was a no-op the second time")
