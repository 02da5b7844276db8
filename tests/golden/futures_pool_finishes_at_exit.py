# parity: python3
from concurrent.futures import ThreadPoolExecutor
import time
ex = ThreadPoolExecutor(2)
def f(x):
    # staggered, so python3's two workers never print at the same moment
    time.sleep(0.1 * (x + 1))
    print("done", x)
for i in range(3):
    ex.submit(f, i)
print("main ends")
