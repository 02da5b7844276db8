# logging with %(processName)s from multiprocessing workers (run one after another)
import logging
import multiprocessing
import sys

FORMAT = "%(processName)-12s %(levelname)-7s %(message)s"


def crunch(n):
    logging.basicConfig(stream=sys.stdout, level=logging.INFO, format=FORMAT, force=True)
    log = logging.getLogger("crunch")
    log.info("computing sum of cubes below %d", n)
    total = sum(i ** 3 for i in range(n))
    log.info("result %d", total)


class Reporter(multiprocessing.Process):
    def run(self):
        logging.basicConfig(stream=sys.stdout, level=logging.INFO, format=FORMAT, force=True)
        logging.getLogger("report").warning("reporting from a subclass")


if __name__ == "__main__":
    logging.basicConfig(stream=sys.stdout, level=logging.INFO, format=FORMAT)
    logging.info("main starts")
    for n in (10, 1000):
        p = multiprocessing.Process(target=crunch, args=(n,))
        p.start()
        p.join()
        logging.info("%s exited with %s", p.name, p.exitcode)
    named = multiprocessing.Process(target=crunch, args=(5,), name="cruncher")
    named.start()
    named.join()
    r = Reporter()
    r.start()
    r.join()
    logging.info("%s exited with %s", r.name, r.exitcode)
