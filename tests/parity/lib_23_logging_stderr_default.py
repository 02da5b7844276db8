# expect-stderr: logging's default configuration writes to stderr, print to stdout
import logging

logging.basicConfig()
print("configured with defaults")
logging.debug("not shown")
logging.info("not shown either")
logging.warning("disk %d%% full", 91)
print("between records")
logging.error("could not open %s", "data.csv")
log = logging.getLogger("cache")
log.warning("evicted %d entries", 12)
log.setLevel(logging.INFO)
log.info("now info passes for cache")
logging.critical("shutting down")
print("stdout done")
