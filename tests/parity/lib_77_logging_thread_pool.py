# A log-driven worker pool: ThreadPoolExecutor with thread_name_prefix, logging
# %(threadName)s; one worker so the log order is fixed, callbacks on done futures
import logging
import sys
from concurrent.futures import ThreadPoolExecutor

logging.basicConfig(stream=sys.stdout, level=logging.DEBUG,
                    format="%(threadName)-10s %(name)-6s %(levelname)-5s %(message)s")
log = logging.getLogger("pool")

ORDERS = {"A-100": [3, 4], "A-101": [], "A-102": [10, 20, 30], "A-103": [-1]}


def price(order_id):
    items = ORDERS[order_id]
    log.debug("pricing %s with %d items", order_id, len(items))
    if any(q < 0 for q in items):
        raise ValueError(f"{order_id} has a negative quantity")
    total = sum(q * 2.5 for q in items)
    log.info("%s costs %.2f", order_id, total)
    return order_id, total


def report(future):
    if future.exception() is not None:
        log.error("callback: failed: %s", future.exception())
    else:
        log.info("callback: %s -> %.2f", *future.result())


with ThreadPoolExecutor(max_workers=1, thread_name_prefix="worker") as executor:
    futures = [executor.submit(price, oid) for oid in ORDERS]
    for f in futures:
        f.exception()
log.info("all %d orders processed", len(futures))
for f in futures:
    f.add_done_callback(report)
with ThreadPoolExecutor(max_workers=1, thread_name_prefix="mapper") as executor:
    totals = list(executor.map(price, ["A-100", "A-102"]))
logging.getLogger("main").warning("totals: %s", totals)
