# logger.exception and exc_info with a formatter that prints one-line errors
import logging
import sys


class OneLineFormatter(logging.Formatter):
    def formatException(self, exc_info):
        kind, value, _ = exc_info
        return f"  !! {kind.__name__}: {value}"


handler = logging.StreamHandler(sys.stdout)
handler.setFormatter(OneLineFormatter("[%(levelname)s] %(name)s: %(message)s"))
log = logging.getLogger("orders")
log.addHandler(handler)
log.setLevel(logging.INFO)

ORDERS = [("A-1", "3", "9.50"), ("A-2", "x", "1.00"), ("A-3", "2", None), ("A-4", "0", "4.00")]


def process(order):
    oid, qty, price = order
    quantity = int(qty)
    total = quantity * float(price)
    return oid, 100 / total


for order in ORDERS:
    try:
        oid, ratio = process(order)
        log.info("order %s ok, ratio %.3f", oid, ratio)
    except ValueError:
        log.exception("bad quantity in %s", order[0])
    except TypeError:
        log.error("bad price in %s", order[0], exc_info=True)
    except ZeroDivisionError as e:
        log.warning("empty order %s (%s)", order[0], e)
try:
    {}["missing"]
except KeyError:
    log.critical("lookup failed", exc_info=True)
log.info("summary: %d orders seen", len(ORDERS))
print("handlers:", len(log.handlers), "propagate:", log.propagate)
