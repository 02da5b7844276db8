"""
title: Send first, read later
cores: 1
goal: deadlock
hint: Ada sends all three of her numbers before she reads a single answer, and her inbox holds one.  Where does the server put her second answer?
hint: Let the server take Ada's first two numbers before Ben has sent his; then let Ben's number take the one place in the request queue before Ada sends her third.
explain: The server holds Ada's second answer and waits for room in her inbox, which is full with the first; Ada waits for room in the request queue, which is full with Ben's number, to send her third, and reads only after that.  Each side waits for the other to take something out of a queue: a deadlock of two full queues.
explain: Two bounded queues, one each way, make a cycle: it needs a side that reads while it sends.  Send one number and read one answer at a time, read the answers in a thread of their own, or give the answers an unbounded queue (a client never has more answers waiting than numbers it sent).

A server squares numbers for two clients.  A client puts its numbers on
the shared request queue, each with the inbox the answer should go to,
then reads the answers.  Both queues are small, so that nobody runs far
ahead.  Make the program hang.
"""
import queue
import threading

requests = queue.Queue(maxsize=1)


def client(name, numbers):
    inbox = queue.Queue(maxsize=1)
    for n in numbers:
        requests.put((n, inbox))
    squares = [inbox.get() for _ in numbers]
    print(f"{name}: {squares}")


ben = threading.Thread(target=client, args=("Ben", [4]))
ada = threading.Thread(target=client, args=("Ada", [1, 2, 3]))
ben.start()
ada.start()
for _ in range(4):
    n, reply_to = requests.get()
    reply_to.put(n * n)
ben.join()
ada.join()
