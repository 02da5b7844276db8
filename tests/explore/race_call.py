# The example: two threads, two unprotected read-then-write
# increments each, with a call between the read and the write.
import threading

counter = 0

def one():
    return 1

def work():
    global counter
    for _ in range(2):
        counter = counter + one()

t1 = threading.Thread(target=work)
t2 = threading.Thread(target=work)
t1.start()
t2.start()
t1.join()
t2.join()
print(counter)
