# expect-stderr: Traceback (most recent call last):
# expect-stderr: line 7, in fetch
# expect-stderr: KeyError: 'b'
# expect-exit: 1
def fetch(d):
    try:
        return d["b"]
    except KeyError:
        print("not found, re-raising")
        raise

fetch({"a": 1})
