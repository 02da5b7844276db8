"""
title: Example 4: two threads, numbers and letters
cores: 2
"Two threads run at the same time": one prints 0 to 4, the other a to e,
each sleeping 1 s after every item.  Together they take 5 s, not 10.  But
the threads are not running at the same time: each spends all but a
microsecond asleep, and the overlap is of their waiting.  One core would do
(try --cores 1).  The order of "1" and "b" each second is not guaranteed:
both threads wake at the same instant.
"""
import threading
import time

def print_numbers():
    for i in range(5):
        print(i)
        time.sleep(1)

def print_letters():
    for letter in 'abcde':
        print(letter)
        time.sleep(1)

thread1 = threading.Thread(target=print_numbers)
thread2 = threading.Thread(target=print_letters)

thread1.start()
thread2.start()

thread1.join()
thread2.join()
