"""
title: Example 2: a process that prints numbers
cores: 2
The same function in a separate process: "a process has its own Python
interpreter and memory, so it runs in parallel and is not limited by the
GIL".  True, but here there is nothing to run in parallel: the child
prints ten numbers in under a microsecond of work, after paying the
process start cost (fork_cost, the + segment), which is far longer.  The
parent, again, just waits for its child at exit.
"""
import multiprocessing

def print_numbers():
    for i in range(1, 11):
        print(i)

if __name__ == "__main__":
    process = multiprocessing.Process(target=print_numbers)
    process.start()
