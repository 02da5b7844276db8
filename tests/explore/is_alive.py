# The main thread asks whether a worker is still alive.
import threading

done = []


def work():
    done.append(1)


t = threading.Thread(target=work)
t.start()
print("alive" if t.is_alive() else "finished", len(done))
t.join()
