"""
title: Example 5: five processes compute squares
cores: 2
"Five processes compute squares in parallel": each prints one square and
sleeps 1 s, and the whole program takes about 1 s.  But the squares take
nanoseconds; what overlaps is the sleeping, which needs no core at all.
Five processes share the two cores here without getting in each other's
way, and five threads would finish as fast - without the start cost of a
process each.
"""
import multiprocessing
import time

def compute_square(n):
    print(f'Square of {n}: {n * n}')
    time.sleep(1)

if __name__ == '__main__':
    numbers = [1, 2, 3, 4, 5]
    processes = []

    for number in numbers:
        process = multiprocessing.Process(target=compute_square, args=(number,))
        processes.append(process)
        process.start()

    for process in processes:
        process.join()
