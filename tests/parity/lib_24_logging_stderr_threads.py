# expect-stderr: threads log to stderr while the main thread prints results to stdout
import logging
import threading

logging.basicConfig(level=logging.INFO, format="%(threadName)s %(levelname)s: %(message)s")

results = {}
lock = threading.Lock()


def download(name, size):
    logging.info("downloading %s (%d KB)", name, size)
    checksum = sum(ord(c) for c in name) * size
    with lock:
        results[name] = checksum
    logging.info("finished %s", name)


files = [("report.pdf", 120), ("photo.png", 800), ("notes.txt", 3)]
for i, (name, size) in enumerate(files):
    t = threading.Thread(target=download, args=(name, size), name=f"dl-{i}")
    t.start()
    t.join()
    print(f"{name}: checksum {results[name]}")
logging.warning("%d downloads complete", len(results))
print("total:", sum(results.values()))
