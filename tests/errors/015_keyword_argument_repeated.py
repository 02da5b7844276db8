# expect-stderr: :7:27: error:
# expect-stderr: keyword argument repeated: host
# expect-exit: 1
def connect(host, port):
    return host, port

connect(host="a", port=1, host="b")
