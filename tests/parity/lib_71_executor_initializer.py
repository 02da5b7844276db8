# Executors with initializer/initargs: per-worker setup for threads and processes
import multiprocessing
import threading
from concurrent.futures import ThreadPoolExecutor, ProcessPoolExecutor

local = threading.local()
CONFIG = {}


def init_thread(prefix):
    local.prefix = prefix
    local.count = 0


def label(item):
    local.count += 1
    return f"{local.prefix}{item}"


def init_process(table, scale):
    CONFIG["table"] = table
    CONFIG["scale"] = scale


def lookup(key):
    return key, CONFIG["table"].get(key, 0) * CONFIG["scale"]


def initialized():
    return "table" in CONFIG


if __name__ == "__main__":
    with ThreadPoolExecutor(max_workers=2, initializer=init_thread, initargs=("item-",)) as ex:
        print("thread labels:", list(ex.map(label, range(5))))
    print("main thread has a prefix:", hasattr(local, "prefix"))

    table = {"a": 1, "b": 2, "c": 3}
    with ProcessPoolExecutor(max_workers=2, initializer=init_process, initargs=(table, 10)) as ex:
        print("process lookups:", list(ex.map(lookup, "abcd")))
        print("worker initialized:", ex.submit(initialized).result())
    print("parent CONFIG untouched:", CONFIG)

    ctx = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=1, mp_context=ctx, initializer=init_process, initargs=({"z": 5}, 3)) as ex:
        print("spawn context lookup:", ex.submit(lookup, "z").result())
