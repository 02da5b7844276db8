# parity: python3
from concurrent.futures import ThreadPoolExecutor
import time
ex = ThreadPoolExecutor(2)
def f(x):
    time.sleep(0.1)
    print("done", x)
for i in range(3):
    ex.submit(f, i)
print("main ends")
