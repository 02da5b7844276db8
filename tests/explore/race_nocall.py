# The example: two threads, two unprotected read-then-write
# increments each, with nothing between the read and the write (no eval-breaker check).
import threading

counter = 0

def one():
    return 1

def work():
    global counter
    for _ in range(2):
        counter = counter + 1

t1 = threading.Thread(target=work)
t2 = threading.Thread(target=work)
t1.start()
t2.start()
t1.join()
t2.join()
print(counter)
