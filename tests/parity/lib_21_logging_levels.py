# Logger hierarchy, levels and %(name)s: which records get through
import logging
import sys

logging.basicConfig(stream=sys.stdout, level=logging.WARNING,
                    format="%(name)s:%(levelname)s:%(message)s")

app = logging.getLogger("app")
db = logging.getLogger("app.db")
http = logging.getLogger("app.http")
print("same object:", logging.getLogger("app.db") is db)
print("parent:", db.parent.name, "root parent:", app.parent.name)
print("levels:", app.level, db.level, logging.getLogger().level)
print("effective:", logging.getLevelName(db.getEffectiveLevel()))

db.debug("hidden: root is WARNING")
db.warning("shown: warning passes")
app.setLevel(logging.DEBUG)
print("effective now:", logging.getLevelName(db.getEffectiveLevel()))
db.debug("debug via app's level: %s rows", 42)
http.setLevel(logging.ERROR)
http.warning("hidden: http is ERROR")
http.error("shown: %s %d", "status", 500)
http.critical("shown: critical")
print("enabled:", http.isEnabledFor(logging.WARNING), db.isEnabledFor(logging.DEBUG))
print("names:", [logging.getLevelName(n) for n in (10, 20, 30, 40, 50, 0)])
print("by name:", logging.getLevelName("INFO"), logging.INFO, logging.WARN)
logging.disable(logging.ERROR)
http.error("hidden: disabled up to ERROR")
http.critical("shown: critical still passes")
logging.disable(logging.NOTSET)
logging.log(logging.WARNING, "root logger via logging.log")
db.log(25, "custom level 25")
logging.addLevelName(25, "NOTICE")
db.log(25, "named custom level")
db.warning("percent args stay lazy: %r", {"k": [1, 2]})
db.warning("no args keeps %s literally")
