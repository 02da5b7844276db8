# expect-stderr: :4:1: error:
# expect-stderr: is not supported by the simulator
# expect-exit: 1
from threading import *

def work():
    print("work")

t = Thread(target=work)
t.start()
t.join()
