# At exit, multiprocessing first terminates the daemonic children that are
# still running, then joins the others: the daemon below would finish
# long before the non-daemon child, but it never gets to print.
import time
from multiprocessing import Process


def work(label, delay):
    time.sleep(delay)
    print(f"{label} finished after {delay} s", flush=True)


if __name__ == "__main__":
    helper = Process(target=work, args=("daemon child", 0.2), daemon=True)
    worker = Process(target=work, args=("non-daemon child", 0.6))
    helper.start()
    worker.start()
    print("main: both started, returning without join()", flush=True)
