# A generator pipeline fed by a producer thread: islice, takewhile and
# groupby pull from a generator whose body blocks on a queue, and a
# ThreadPoolExecutor counts words with Counter and defaultdict
import queue
import threading
from collections import Counter, defaultdict, deque
from concurrent.futures import ThreadPoolExecutor
from itertools import islice, takewhile, groupby, count, chain, accumulate

q = queue.Queue()


def producer():
    for line in ["to be or not", "to be", "that is", "the question", "STOP", "ignored"]:
        q.put(line)


def lines():
    while True:
        yield q.get()


t = threading.Thread(target=producer)
t.start()
first_two = list(islice(lines(), 2))
rest = list(takewhile(lambda l: l != "STOP", lines()))
t.join()
print("first two:", first_two)
print("rest:", rest)
print("left in queue:", q.get_nowait(), q.empty())

words = list(chain.from_iterable(l.split() for l in first_two + rest))
print("by first letter:", [(k, list(g)) for k, g in groupby(sorted(words), key=lambda w: w[0])])
print("running lengths:", list(accumulate(len(w) for w in words)))


def count_words(chunk):
    return Counter(chunk.split())


texts = ["a b a c", "b b d", "a d d d", "c"]
with ThreadPoolExecutor(max_workers=2) as pool:
    total = sum(pool.map(count_words, texts), Counter())
print("totals:", total.most_common(3), sorted(total.elements())[:5])
index = defaultdict(list)
for n, text in zip(count(1), texts):
    for w in set(text.split()):
        index[w].append(n)
print("index:", sorted((k, sorted(v)) for k, v in index.items()))
window = deque(maxlen=3)
for x in range(1, 8):
    window.append(x)
    if len(window) == 3:
        print("window", list(window), "sum", sum(window))
