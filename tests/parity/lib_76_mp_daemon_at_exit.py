# At exit, multiprocessing terminates daemon children and joins the others
import time
from multiprocessing import Process


def slow(label, delay):
    time.sleep(delay)
    print(f"{label} finished after its sleep", flush=True)


if __name__ == "__main__":
    daemon = Process(target=slow, args=("daemon", 1.0), daemon=True)
    worker = Process(target=slow, args=("non-daemon", 0.3))
    daemon.start()
    worker.start()
    print("daemon flag:", daemon.daemon, worker.daemon)
    print("main returns without join", flush=True)
