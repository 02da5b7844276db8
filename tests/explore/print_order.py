# Only the output differs between schedules.
import threading


def say(w):
    for i in range(2):
        print(w, i)


ts = [threading.Thread(target=say, args=(w,)) for w in "ab"]
for t in ts:
    t.start()
for t in ts:
    t.join()
