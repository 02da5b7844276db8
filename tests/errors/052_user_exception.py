# expect-stderr: Traceback (most recent call last):
# expect-stderr: line 10, in process
# expect-stderr: BadThing: message
# expect-exit: 1
class BadThing(Exception):
    pass

def process(x):
    if x > 2:
        raise BadThing("message")
    return x * 2

for i in range(5):
    print(process(i))
