# One thread shows a shared list in an f-string (and spreads it into
# another) while another appends to it.
import threading

log = ["start"]


def show():
    print(f"log: {log}")
    print([*log])


def add():
    log.append("more")


ts = [threading.Thread(target=show), threading.Thread(target=add)]
for t in ts:
    t.start()
for t in ts:
    t.join()
