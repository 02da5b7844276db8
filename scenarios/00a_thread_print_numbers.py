"""
title: Example 1: a thread that prints numbers
cores: 2
The first example of most tutorials: "run a function in a separate thread,
concurrently with the main program".  The thread prints 1 to 10.  Watch
what the main thread does meanwhile: it has nothing else to do, so after
start() it only waits (- blocked) - and since there is no join(), it waits
at exit, because Python waits for non-daemon threads before it ends.
Starting the thread (the + segment) takes far longer than its work.
"""
import threading

def print_numbers():
    for i in range(1, 11):
        print(i)

thread = threading.Thread(target=print_numbers)
thread.start()
