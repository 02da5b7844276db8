# logging from worker threads: %(threadName)s, %(levelname)s, %(message)s to stdout
import logging
import sys
import threading

logging.basicConfig(
    stream=sys.stdout,
    level=logging.DEBUG,
    format="%(threadName)-22s %(levelname)-8s %(message)s",
)

turns = [threading.Event() for _ in range(3)]


def worker(index, items):
    turns[index].wait()
    logging.debug("starting with %d items", len(items))
    total = 0
    for item in items:
        total += item
        logging.debug("added %s, total %s", item, total)
    if total > 10:
        logging.warning("total %d is over the limit", total)
    logging.info("finished")


jobs = [[1, 2, 3], [4, 5, 6], [7]]
threads = []
for i, items in enumerate(jobs):
    name = "adder-%d" % i if i != 1 else None
    t = threading.Thread(target=worker, args=(i, items), name=name)
    threads.append(t)
    t.start()

logging.info("started %d threads", len(threads))
for i, t in enumerate(threads):
    turns[i].set()
    t.join()
    logging.info("joined %s", t.name)
logging.error("all done")
